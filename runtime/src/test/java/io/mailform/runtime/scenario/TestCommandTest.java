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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.mailform.runtime.config.StartupException;
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
        return run(TestCommand::new, args);
    }

    /** The command is made once standard error is captured, as it prints to the standard error it finds. */
    static Result run(Supplier<TestCommand> command, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int code = new CommandLine(command.get()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
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
        assertEquals(json.get("cases").size(), json.get("judged").asInt(), "every case was judged");
        assertEquals(json.get("cases").size(), document.get("judged").asInt());
        assertFalse(document.get("nothingJudged").asBoolean());
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

    /** A passthrough parameter the oracle does not model makes every generated case uncertain: none is run. */
    private Path unjudgeable() throws Exception {
        return Files.writeString(temp.resolve("restricted.yaml"), Files.readString(Path.of(EXAMPLE))
            + "\npostfix:\n  smtpd_client_restrictions: permit_mynetworks, reject\n");
    }

    private static final String UNMODELLED = "postfix: smtpd_client_restrictions is set, and the oracle does not "
        + "model what it changes";

    @Test
    void generatedCasesThatAreAllLeftOutFailWithTheirOwnStatusAndSayWhy() throws Exception {
        Path description = unjudgeable();
        Result result = run(description.toString(), "--generate", "--server", "james");
        assertEquals(TestCommand.NOTHING_JUDGED, result.exitCode(), result.err());
        Matcher leftOut = Pattern.compile("mailform: " + Pattern.quote(description.toString())
            + ": (\\d+) generated cases left out: " + Pattern.quote(UNMODELLED) + "\n").matcher(result.err());
        assertTrue(leftOut.find(), result.err());
        assertTrue(Integer.parseInt(leftOut.group(1)) >= 20, "every case but those without a client: " + result.err());
        assertTrue(result.err().contains("mailform: no case was judged in the cases generated from " + description
            + ": every generated case was left out, as the oracle cannot judge it; this run tested nothing there"),
            result.err());
        assertFalse(result.err().contains("james: starting"), "no server starts for no case: " + result.err());
        assertTrue(result.out().contains(leftOut.group(1) + " generated cases left out: " + UNMODELLED),
            result.out());
        assertTrue(result.out().contains("no case was judged: every generated case was left out"), result.out());
        assertTrue(result.out().contains("0 cases: james 0 passed; oracle 0 agreed -- FAILED: no case was judged"),
            result.out());
    }

    @Test
    void jsonAndJunitReportsShowThatNothingWasJudged() throws Exception {
        Path description = unjudgeable();
        Path json = temp.resolve("report.json");
        Result result = run(description.toString(), "--server", "james", "--format", "json", "-o", json.toString());
        assertEquals(TestCommand.NOTHING_JUDGED, result.exitCode(), result.err());
        JsonNode document = JsonMapper.builder().build().readTree(Files.readString(json));
        assertFalse(document.get("passed").asBoolean(), document.toString());
        assertTrue(document.get("nothingJudged").asBoolean(), document.toString());
        assertEquals(0, document.get("judged").asInt());
        JsonNode report = document.get("reports").get(0);
        assertEquals("every generated case was left out, as the oracle cannot judge it",
            report.get("nothingJudged").stringValue());
        JsonNode group = report.get("leftOut").values().stream()
            .filter(node -> node.get("reason").stringValue().equals(UNMODELLED)).findFirst().orElseThrow();
        assertEquals(group.get("count").asInt(), group.get("cases").size());
        assertTrue(group.get("count").asInt() >= 20, group.toString());

        Path junit = temp.resolve("junit.xml");
        assertEquals(TestCommand.NOTHING_JUDGED, run(description.toString(), "--server", "james", "--format", "junit",
            "-o", junit.toString()).exitCode());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        Element james = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertEquals("james", james.getAttribute("name"));
        assertEquals("1", james.getAttribute("failures"), "the suite is not green");
        Element judged = (Element) james.getElementsByTagName("testcase").item(1);
        assertEquals("cases judged", judged.getAttribute("name"));
        String failure = judged.getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(failure.startsWith("no case was judged: every generated case was left out"), failure);
        assertTrue(failure.contains("generated cases left out: " + UNMODELLED), failure);
        Element oracle = (Element) xml.getElementsByTagName("testsuite").item(1);
        assertEquals(Integer.toString(group.get("count").asInt() + otherLeftOut(report, UNMODELLED)),
            oracle.getAttribute("skipped"), "every case left out is a skipped test of the oracle");
    }

    private static int otherLeftOut(JsonNode report, String reason) {
        return report.get("leftOut").values().stream().filter(node -> !node.get("reason").stringValue().equals(reason))
            .mapToInt(node -> node.get("count").asInt()).sum();
    }

    @Test
    void casesThatCouldNotRunAreNothingJudgedToo() {
        Result result = run(() -> new TestCommand((kind, compiled) -> {
            throw new StartupException("refused for this test");
        }), EXAMPLE, "--server", "james");
        assertEquals(TestCommand.NOTHING_JUDGED, result.exitCode(), result.err());
        assertTrue(result.err().matches("(?s).*mailform: no case was judged in the cases generated from " + Pattern.quote(EXAMPLE)
            + ": none of its \\d+ cases could run \\(james did not start: refused for this test\\); this run tested "
            + "nothing there.*"), result.err());
        assertTrue(result.out().contains("-- FAILED: no case was judged"), result.out());
    }
}
