package io.mailform.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.oracle.Oracle;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import io.mailform.runtime.compile.DescriptionCompiler;
import io.mailform.runtime.server.ServerKind;
import io.mailform.runtime.server.TemporaryDirectories;
import io.mailform.scenario.CaseGenerator;
import io.mailform.scenario.ScenarioReader;
import io.mailform.scenario.ScenarioValidation;
import io.mailform.scenario.Scenarios;

/**
 * The one suite of both servers: every example and every description written for the tests, each started once on
 * James and once in a private Postfix, runs the cases of its scenario files and the cases generated from it. Every
 * case must pass on both servers and agree between them (where they differ, James's outcome must be a known
 * difference), the oracle must agree with every case it judges, and each server's ledger must account for every
 * message. Needs root and Postfix; fails, never skips, without them.
 */
class ScenarioSuiteTest {
    static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();
    private static final Path EXAMPLES = PROJECT.resolve("examples");
    private static final Path DESCRIPTIONS = PROJECT.resolve("runtime/src/test/resources/descriptions");
    private static final Path SCENARIOS = PROJECT.resolve("runtime/src/test/resources/scenarios");

    @TestFactory
    Stream<DynamicTest> everyDescriptionPassesOnBothServers() {
        Map<Path, List<Path>> scenarioFiles = scenarioFiles();
        List<Path> descriptions = new ArrayList<>(yamlFiles(EXAMPLES));
        descriptions.addAll(yamlFiles(DESCRIPTIONS));
        return descriptions.stream().filter(ScenarioSuiteTest::isRunnable)
            .map(description -> DynamicTest.dynamicTest(PROJECT.relativize(description).toString(),
                () -> passesOnBothServers(description, scenarioFiles.getOrDefault(description, List.of()))));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioFileNamesADescription() {
        return scenarioFiles().entrySet().stream().map(entry -> DynamicTest.dynamicTest(
            PROJECT.relativize(entry.getKey()).toString(), () -> assertTrue(Files.isRegularFile(entry.getKey()),
                entry.getValue() + " name " + entry.getKey() + ", which does not exist")));
    }

    /** Each scenario file, then the generated cases, each on freshly started servers, as mailform test runs them. */
    private static void passesOnBothServers(Path description, List<Path> files) throws Exception {
        MailSystem system = system(description);
        Oracle oracle = new Oracle(system);
        Map<String, Scenarios> sources = new LinkedHashMap<>();
        for (Path file : files) {
            ScenarioValidation read = new ScenarioReader().read(file.toString(), Files.readAllBytes(file), system,
                oracle);
            assertEquals(List.of(), read.diagnostics(), file.toString());
            sources.put(PROJECT.relativize(file).toString(), read.scenarios().orElseThrow());
        }
        sources.put("generated", new CaseGenerator(system, oracle).generate(description.toString()).scenarios());
        Path compiled = TemporaryDirectories.register(DescriptionCompiler.compileForPostfix(description,
            System.getenv(), System.err));
        try {
            List<String> failed = new ArrayList<>();
            for (Map.Entry<String, Scenarios> source : sources.entrySet()) {
                TestReport report = new TestRun(system, line -> { }).run(PROJECT.relativize(description).toString(),
                    source.getKey(), source.getValue(), compiled, List.of(ServerKind.JAMES, ServerKind.POSTFIX),
                    "suite");
                boolean explained = report.cases().stream().allMatch(item -> item.disagreements().isEmpty()
                    || item.servers().get(ServerKind.JAMES).status() == Status.KNOWN);
                // The counts of docs/testing.md's "What the suite shows", one line per description and source.
                System.err.println("ScenarioSuiteTest: " + PROJECT.relativize(description) + ", " + source.getKey()
                    + ": " + report.text().strip().lines().reduce((first, second) -> second).orElse(""));
                if (!report.passed() || !explained) {
                    failed.add(report.text());
                }
            }
            assertEquals(List.of(), failed);
        } finally {
            TemporaryDirectories.delete(compiled);
        }
    }

    /** Scenario files by the description they name: those of examples/scenarios/ and of the tests. */
    private static Map<Path, List<Path>> scenarioFiles() {
        Map<Path, List<Path>> byDescription = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>(yamlFiles(EXAMPLES.resolve("scenarios")));
        files.addAll(yamlFiles(SCENARIOS));
        for (Path file : files) {
            try {
                Scenarios scenarios = new ScenarioReader().read(file.toString(), Files.readAllBytes(file)).scenarios()
                    .orElseThrow(() -> new AssertionError(file + " does not read"));
                Path description = file.getParent().resolve(scenarios.description()).normalize();
                byDescription.computeIfAbsent(description, key -> new ArrayList<>()).add(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return byDescription;
    }

    private static boolean isRunnable(Path description) {
        return system(description).mode() != Mode.NONE;
    }

    private static MailSystem system(Path description) {
        try {
            Validation validation = new Pipeline().validate(description.toString(), Files.readAllBytes(description));
            assertFalse(validation.hasErrors(), validation.diagnostics()::toString);
            return validation.mailSystem().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> yamlFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
