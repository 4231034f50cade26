package io.mailform.runtime.scenario;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.mailform.runtime.server.ServerKind;
import io.mailform.scenario.LeftOut;

/**
 * The result of {@code mailform test}: every case judged, per server the ledger (messages no case explains) and
 * whether it ran at all, and for generated cases those left out and why. A report that judged no case has not
 * passed: it tested nothing.
 *
 * @param source the scenario file's name, or "generated"
 * @param leftOut the generated cases left out (the oracle cannot judge them); none for a scenario file
 */
public record TestReport(String description, String source, List<ServerKind> servers, List<CaseReport> cases,
        Map<ServerKind, List<String>> unexplained, Map<ServerKind, String> serverFailures, List<LeftOut> leftOut) {
    public TestReport {
        servers = List.copyOf(servers);
        cases = List.copyOf(cases);
        unexplained = Map.copyOf(unexplained);
        serverFailures = Map.copyOf(serverFailures);
        leftOut = List.copyOf(leftOut);
    }

    public TestReport(String description, String source, List<ServerKind> servers, List<CaseReport> cases,
            Map<ServerKind, List<String>> unexplained, Map<ServerKind, String> serverFailures) {
        this(description, source, servers, cases, unexplained, serverFailures, List.of());
    }

    /** This report with the generated cases that were left out. */
    public TestReport withLeftOut(List<LeftOut> cases) {
        return new TestReport(description, source, servers, this.cases, unexplained, serverFailures, cases);
    }

    public boolean passed() {
        return !judgedNothing() && !failedJudged() && cases.stream().noneMatch(CaseReport::failed)
            && serverFailures.isEmpty();
    }

    /**
     * True when a case ran and came out wrong on a server, or a server's ledger found mail no case explains: what
     * the servers did is known, and it is not what was expected. A case that could not run is not counted here.
     */
    public boolean failedJudged() {
        return cases.stream().anyMatch(item -> item.servers().values().stream()
                .anyMatch(verdict -> verdict.status() == Status.FAIL))
            || unexplained.values().stream().anyMatch(lines -> !lines.isEmpty());
    }

    /** The cases that ran on at least one server and were judged there: passed, failed or a known difference. */
    public long judged() {
        return cases.stream().filter(item -> item.servers().values().stream()
            .anyMatch(verdict -> verdict.status() != Status.ERROR)).count();
    }

    /** True when no case was judged on any server: there were none, all were left out, or none could run. */
    public boolean judgedNothing() {
        return judged() == 0;
    }

    /** The cases left out, grouped by their reason: reason to case names. */
    public Map<String, List<String>> leftOutByReason() {
        return LeftOut.byReason(leftOut);
    }

    /** One line per reason: {@code 12 generated cases left out: REASON}. */
    public List<String> leftOutLines() {
        return LeftOut.lines(leftOut);
    }

    /** Why nothing was judged, in a sentence; for a report that {@link #judgedNothing()}. */
    public String whyNothingJudged() {
        if (!cases.isEmpty()) {
            return "none of its " + cases.size() + (cases.size() == 1 ? " case" : " cases") + " could run"
                + (serverFailures.isEmpty() ? "" : " (" + String.join("; ", serverFailures.entrySet().stream()
                    .map(entry -> entry.getKey().key() + " did not start: " + entry.getValue()).toList()) + ")");
        }
        if (!leftOut.isEmpty()) {
            return "every generated case was left out, as the oracle cannot judge it";
        }
        return "there was no case";
    }

    public long count(ServerKind server, Status status) {
        return cases.stream().filter(item -> item.servers().containsKey(server))
            .filter(item -> item.servers().get(server).status() == status).count();
    }

    public long agreements() {
        return cases.stream().filter(item -> item.servers().size() > 1 && item.disagreements().isEmpty()).count();
    }

    /** The report as {@code mailform test} prints it. */
    public String text() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new TextReport().print(this, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
