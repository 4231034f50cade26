package io.mailform.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.mailform.model.MailSystem;
import io.mailform.oracle.Oracle;
import io.mailform.runtime.compile.DescriptionCompiler;
import io.mailform.runtime.server.ServerKind;
import io.mailform.runtime.server.TemporaryDirectories;
import io.mailform.scenario.ScenarioReader;
import io.mailform.scenario.ScenarioValidation;
import io.mailform.scenario.Scenarios;

/**
 * Cases that James and Postfix pass alike, as Postfix 3.7.11 answered them, and that mailform's oracle predicts
 * otherwise: runtime/src/test/resources/oracle-mispredictions/. Both servers must pass each and agree, with every
 * message accounted for; and the oracle must still be wrong about each, so that once it is right this fails and the
 * case moves to scenarios/, where the suite runs it.
 */
class OracleMispredictionsTest {
    private static final Path FILES =
        ScenarioSuiteTest.PROJECT.resolve("runtime/src/test/resources/oracle-mispredictions");

    @TestFactory
    Stream<DynamicTest> bothServersPassWhatTheOracleMispredicts() throws IOException {
        try (Stream<Path> files = Files.list(FILES)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream()
                .map(file -> DynamicTest.dynamicTest(FILES.relativize(file).toString(), () -> runOnBoth(file)));
        }
    }

    private static void runOnBoth(Path file) throws Exception {
        Path description = ScenarioCases.describedBy(file);
        MailSystem system = ScenarioCases.system(description);
        ScenarioValidation read = new ScenarioReader().read(file.toString(), Files.readAllBytes(file), system,
            new Oracle(system));
        assertEquals(List.of(), read.diagnostics());
        Scenarios scenarios = read.scenarios().orElseThrow();
        Path compiled = TemporaryDirectories.register(DescriptionCompiler.compileForPostfix(description,
            System.getenv(), System.err));
        try {
            TestReport report = new TestRun(system, line -> { }).run(description.toString(), file.toString(),
                scenarios, compiled, List.of(ServerKind.JAMES, ServerKind.POSTFIX), "mispredicted");
            assertEquals(List.of(), problems(report), report::text);
        } finally {
            TemporaryDirectories.delete(compiled);
        }
    }

    private static List<String> problems(TestReport report) {
        List<String> problems = new ArrayList<>();
        for (CaseReport item : report.cases()) {
            String name = item.item().name();
            if (item.oracle() != Status.FAIL) {
                problems.add(name + ": the oracle is " + item.oracle() + " now; move the case to scenarios/");
            }
            item.servers().forEach((kind, verdict) -> {
                if (verdict.status() != Status.PASS) {
                    problems.add(name + " on " + kind.key() + ": " + verdict.status());
                }
            });
            item.disagreements().forEach(difference -> problems.add(name + ": " + difference));
        }
        report.unexplained().forEach((kind, lines) -> lines.forEach(line -> problems.add(kind.key() + ": " + line)));
        report.serverFailures().forEach((kind, failure) -> problems.add(kind.key() + " failed: " + failure));
        return problems;
    }
}
