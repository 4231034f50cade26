package io.mailform.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.mailform.model.MailSystem;
import io.mailform.oracle.Oracle;
import io.mailform.pipeline.Pipeline;
import io.mailform.runtime.compile.DescriptionCompiler;
import io.mailform.runtime.server.ServerKind;
import io.mailform.runtime.server.TemporaryDirectories;
import io.mailform.scenario.CaseGenerator;
import io.mailform.scenario.ScenarioReader;
import io.mailform.scenario.Scenarios;

/**
 * The differential is no formality: a runtime that answers otherwise than Postfix, here a James configuration edited
 * after compiling, makes the generated cases fail on James, pass on Postfix, and shows the servers differing.
 */
class DifferentialTest {
    private static final Path DESCRIPTION = ScenarioSuiteTest.PROJECT
        .resolve("runtime/src/test/resources/descriptions/routes-with-logins.yaml");

    @Test
    void aNetworkDroppedFromJamesIsCaught() throws Exception {
        CaseReport inside = judged(smtpserver -> smtpserver.replace("<authorizedAddresses>127.0.0.1/32,",
            "<authorizedAddresses>"), "a client inside networks sends to another domain");
        assertEquals(Status.FAIL, inside.servers().get(ServerKind.JAMES).status());
        assertTrue(inside.servers().get(ServerKind.JAMES).mismatches()
            .contains("RCPT friend@remote.example: expected 250 2.1.5, got 454 4.7.1 <friend@remote.example>: Relay "
                + "access denied"), inside.servers().get(ServerKind.JAMES).mismatches()::toString);
    }

    @Test
    void aChangedSizeLimitIsCaught() throws Exception {
        CaseReport under = judged(smtpserver -> smtpserver.replace("<maxmessagesize>204800B</maxmessagesize>",
            "<maxmessagesize>102400B</maxmessagesize>"), "a message just under message_size_limit is accepted");
        assertEquals(Status.FAIL, under.servers().get(ServerKind.JAMES).status());
        assertTrue(under.servers().get(ServerKind.JAMES).mismatches().get(0).startsWith("MAIL: expected 250 2.1.0, "
            + "got 552 5.3.4"), under.servers().get(ServerKind.JAMES).mismatches()::toString);
    }

    @Test
    void knownDifferencesAreMarkedNotHidden() throws Exception {
        Path description = ScenarioSuiteTest.PROJECT.resolve("examples/internet-site.yaml");
        Path file = ScenarioSuiteTest.PROJECT.resolve("runtime/src/test/resources/scenarios/known-differences.yaml");
        MailSystem system = new Pipeline().validate(description.toString(), Files.readAllBytes(description))
            .mailSystem().orElseThrow();
        Scenarios cases = new ScenarioReader().read(file.toString(), Files.readAllBytes(file)).scenarios()
            .orElseThrow();
        Path compiled = TemporaryDirectories.register(DescriptionCompiler.compileForPostfix(description,
            System.getenv(), System.err));
        try {
            TestReport report = new TestRun(system, line -> { }).run(description.toString(), file.toString(), cases,
                compiled, List.of(ServerKind.JAMES, ServerKind.POSTFIX), "known");
            assertTrue(report.passed(), report::text);
            assertEquals(List.of("KD1", "KD2"), report.cases().stream()
                .map(item -> item.servers().get(ServerKind.JAMES).known().orElseThrow().id()).toList(), report::text);
            assertTrue(report.cases().stream().allMatch(item -> !item.disagreements().isEmpty()
                && item.servers().get(ServerKind.POSTFIX).status() == Status.PASS), report::text);
            assertTrue(report.text().contains("james: known difference KD1"), report::text);
        } finally {
            TemporaryDirectories.delete(compiled);
        }
    }

    /** Runs the generated cases with James's smtpserver.xml edited, and returns the report of the named case. */
    private static CaseReport judged(UnaryOperator<String> edit, String caseName) throws Exception {
        MailSystem system = new Pipeline().validate(DESCRIPTION.toString(), Files.readAllBytes(DESCRIPTION))
            .mailSystem().orElseThrow();
        Scenarios cases = new CaseGenerator(system, new Oracle(system)).generate(DESCRIPTION.toString()).scenarios();
        Path compiled = TemporaryDirectories.register(DescriptionCompiler.compileForPostfix(DESCRIPTION,
            System.getenv(), System.err));
        try {
            Path smtpserver = compiled.resolve("james/conf/smtpserver.xml");
            String original = Files.readString(smtpserver);
            String edited = edit.apply(original);
            assertFalse(edited.equals(original), "the edit must change smtpserver.xml:\n" + original);
            Files.writeString(smtpserver, edited);
            TestReport report = new TestRun(system, line -> { }).run(DESCRIPTION.toString(), "generated", cases,
                compiled, List.of(ServerKind.JAMES, ServerKind.POSTFIX), "wrong");
            assertFalse(report.passed(), report::text);
            CaseReport item = report.cases().stream().filter(found -> found.item().name().equals(caseName))
                .findFirst().orElseThrow();
            assertEquals(Status.PASS, item.servers().get(ServerKind.POSTFIX).status(), report::text);
            assertFalse(item.disagreements().isEmpty(), report::text);
            assertTrue(report.cases().stream().allMatch(found -> found.servers().get(ServerKind.POSTFIX).status()
                == Status.PASS), report::text);
            return item;
        } finally {
            TemporaryDirectories.delete(compiled);
        }
    }
}
