package io.mailform.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.mailform.scenario.ScenarioReader;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code mailform test} as users run it: exit codes, diagnostics before any server starts, and the reports. */
class TestCommandTest {
    private static final Path PROJECT = ScenarioSuiteTest.PROJECT;
    private static final String EXAMPLE = PROJECT.resolve("examples/internet-site.yaml").toString();

    @TempDir
    Path temp;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new TestCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
            return new Result(code, capturedOut.toString(StandardCharsets.UTF_8),
                capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aScenarioFileWithMistakesGetsPositionedDiagnosticsAndNoServerStarts() throws Exception {
        Path scenarios = Files.writeString(temp.resolve("mistakes.yaml"), """
            version: 1
            description: %s
            cases:
              - name: alice receives
                send: {from: someone@remote.example, to: alice@example.org}
                expect: {delivered: [alcie]}
              - name: relayed
                send: {client: inside, from: alice@example.org, to: friend@remote.example}
                expect:
                  relayed: [{via: smarthost, to: friend@remote.example}]
                  delivred: [bob]
            """.formatted(EXAMPLE));
        long started = System.nanoTime();
        Result result = run(EXAMPLE, scenarios.toString());
        assertEquals(TestCommand.FAILED, result.exitCode(), result.err());
        assertTrue(result.err().contains("mistakes.yaml:11:7: error[schema-unknown-key]"), result.err());
        assertTrue(result.err().contains("did you mean \"delivered\""), result.err());
        assertEquals("", result.out());
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "no server was started");

        Path fixed = Files.writeString(temp.resolve("fixed.yaml"), Files.readString(scenarios)
            .replace("      delivred: [bob]\n", ""));
        Result checked = run(EXAMPLE, fixed.toString());
        assertEquals(TestCommand.FAILED, checked.exitCode(), checked.err());
        assertTrue(checked.err().contains("fixed.yaml:6:25: error[scenario-unknown-mailbox]"), checked.err());
        assertTrue(checked.err().contains("did you mean \"alice\"?"), checked.err());
        assertTrue(checked.err().contains("fixed.yaml:10:23: error[scenario-unknown-next-hop]"), checked.err());
    }

    @Test
    void aDescriptionWithErrorsIsRefusedBeforeAnything() throws Exception {
        Path description = Files.writeString(temp.resolve("broken.yaml"), "version: 1\nmode: satelite\n");
        Result result = run(description.toString());
        assertEquals(TestCommand.FAILED, result.exitCode());
        assertTrue(result.err().contains("error[schema-enum]"), result.err());
    }

    @Test
    void generatedCasesAreWrittenAsAScenarioFileThatReadsBack() throws Exception {
        Path written = temp.resolve("generated.yaml");
        Path report = temp.resolve("report.json");
        Result result = run(EXAMPLE, "--write", written.toString(), "--server", "james", "--format", "json", "-o",
            report.toString());
        assertEquals(TestCommand.OK, result.exitCode(), result.err());
        String text = Files.readString(written);
        assertTrue(text.startsWith("#"), text);
        assertEquals(List.of(), new ScenarioReader().read(written.toString(), Files.readAllBytes(written))
            .diagnostics());
        JsonNode document = JsonMapper.builder().build().readTree(Files.readString(report));
        assertTrue(document.get("passed").asBoolean(), document.toString());
        assertEquals(1, document.get("reports").size());
        JsonNode json = document.get("reports").get(0);
        assertEquals(written.toString(), json.get("source").stringValue());
        assertEquals(List.of("james"), json.get("servers").values().stream().map(JsonNode::stringValue).toList());
        assertTrue(json.get("cases").size() >= 20, json.toString());
        JsonNode first = json.get("cases").get(0);
        assertEquals("pass", first.get("servers").get("james").get("status").stringValue());
        assertFalse(first.get("servers").get("james").get("transactions").get(0).get("copies").isEmpty());
    }

    @Test
    void junitReportsFailuresPerCaseAndServer() throws Exception {
        Path scenarios = Files.writeString(temp.resolve("wrong.yaml"), """
            version: 1
            description: %s
            cases:
              - name: a case that holds
                send: {client: outside, from: someone@remote.example, to: alice@example.org}
                expect: {delivered: [alice]}
              - name: a case that expects a 5xx where Postfix defers
                send: {client: outside, from: someone@remote.example, to: friend@remote.example}
                expect: {rcpt: 5xx}
            """.formatted(EXAMPLE));
        Path report = temp.resolve("junit.xml");
        Result result = run(EXAMPLE, scenarios.toString(), "--server", "james", "--format", "junit", "-o",
            report.toString());
        assertEquals(TestCommand.FAILED, result.exitCode(), result.err());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        NodeList suites = xml.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element james = (Element) suites.item(0);
        assertEquals("james", james.getAttribute("name"));
        assertEquals("3", james.getAttribute("tests"), "two cases and the ledger");
        assertEquals("1", james.getAttribute("failures"));
        Element failed = (Element) james.getElementsByTagName("testcase").item(1);
        assertEquals("a case that expects a 5xx where Postfix defers", failed.getAttribute("name"));
        String failure = failed.getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(failure.contains("expected 5xx, got 454 4.7.1"), failure);
        Element oracle = (Element) suites.item(1);
        assertEquals("oracle", oracle.getAttribute("name"));
        assertEquals("1", oracle.getAttribute("failures"), "the oracle disagrees with the wrong case too");
    }
}
