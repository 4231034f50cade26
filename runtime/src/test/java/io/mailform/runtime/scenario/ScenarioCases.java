package io.mailform.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mailform.model.MailSystem;
import io.mailform.oracle.Oracle;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.ServerKind;
import io.mailform.scenario.Case;
import io.mailform.scenario.ScenarioReader;
import io.mailform.scenario.ScenarioValidation;
import io.mailform.scenario.Scenarios;

/**
 * For tests that look further at a server than a case can: runs cases on a server the test started, through the
 * engine of {@code mailform test}, whose ledger accounts for every message. The server keeps running afterwards.
 */
public final class ScenarioCases {
    private ScenarioCases() {
    }

    /** Runs cases written in YAML as a scenario file's {@code cases:} list, for the description at that path. */
    public static TestReport run(MailServer server, Path description, String casesYaml) {
        String yaml = "version: 1\ndescription: " + description.getFileName() + "\ncases:\n" + casesYaml;
        MailSystem system = system(description);
        return run(server, description, system, read("cases", yaml.getBytes(StandardCharsets.UTF_8), system));
    }

    /** Runs the cases of every file, one after the other; all of them name the same description. */
    public static TestReport run(MailServer server, List<Path> scenarioFiles) {
        Path description = describedBy(scenarioFiles.get(0));
        MailSystem system = system(description);
        List<Case> cases = new ArrayList<>();
        for (Path file : scenarioFiles) {
            assertEquals(description, describedBy(file), file + " names another description");
            cases.addAll(read(file.toString(), bytes(file), system).cases());
        }
        return run(server, description, system, new Scenarios(description.toString(), cases));
    }

    /** Every case passed on the server and agrees with the oracle, and the ledger balances. */
    public static void assertPassed(TestReport report) {
        assertEquals(List.of(), failures(report, true), report::text);
    }

    /**
     * Every case passed on each server and the ledger balances, whatever the oracle predicted: for servers not
     * started from what the description says (a hand-written directory, a changed compiled file).
     */
    public static void assertPassedOnTheServers(TestReport report) {
        assertEquals(List.of(), failures(report, false), report::text);
    }

    /** The description a scenario file names, relative to the file. */
    public static Path describedBy(Path scenarioFile) {
        Scenarios scenarios = new ScenarioReader().read(scenarioFile.toString(), bytes(scenarioFile)).scenarios()
            .orElseThrow(() -> new AssertionError(scenarioFile + " does not read"));
        return scenarioFile.toAbsolutePath().getParent().resolve(scenarios.description()).normalize();
    }

    /** True when a message's text is a copy of the message the named case sent: its Subject starts with the name. */
    public static boolean isCopyOf(String caseName, String text) {
        return text.contains("\r\nSubject: " + caseName + " [mf-");
    }

    private static TestReport run(MailServer server, Path description, MailSystem system, Scenarios scenarios) {
        return new TestRun(system, line -> { }).runOn(server, description.toString(), "cases", scenarios, "cases");
    }

    private static List<String> failures(TestReport report, boolean withOracle) {
        List<String> failures = new ArrayList<>();
        for (CaseReport item : report.cases()) {
            if (withOracle && item.oracle() == Status.FAIL) {
                failures.add(item.item().name() + ": the oracle disagrees");
            }
            item.servers().forEach((kind, verdict) -> {
                if (verdict.status() != Status.PASS) {
                    failures.add(item.item().name() + " on " + kind.key() + ": " + verdict.status());
                }
            });
        }
        for (Map.Entry<ServerKind, List<String>> entry : report.unexplained().entrySet()) {
            entry.getValue().forEach(line -> failures.add("unexplained on " + entry.getKey().key() + ": " + line));
        }
        report.serverFailures().forEach((kind, failure) -> failures.add(kind.key() + " failed: " + failure));
        return failures;
    }

    static MailSystem system(Path description) {
        Validation validation = new Pipeline().validate(description.toString(), bytes(description));
        assertFalse(validation.hasErrors(), validation.diagnostics()::toString);
        return validation.mailSystem().orElseThrow();
    }

    private static Scenarios read(String name, byte[] yaml, MailSystem system) {
        ScenarioValidation read = new ScenarioReader().read(name, yaml, system, new Oracle(system));
        assertEquals(List.of(), read.diagnostics(), name);
        return read.scenarios().orElseThrow();
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
