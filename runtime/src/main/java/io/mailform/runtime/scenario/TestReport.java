package io.mailform.runtime.scenario;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.mailform.runtime.server.ServerKind;

/**
 * The result of {@code mailform test}: every case judged, and per server the ledger (messages no case explains) and
 * whether it ran at all.
 *
 * @param source the scenario file's name, or "generated"
 */
public record TestReport(String description, String source, List<ServerKind> servers, List<CaseReport> cases,
        Map<ServerKind, List<String>> unexplained, Map<ServerKind, String> serverFailures) {
    public TestReport {
        servers = List.copyOf(servers);
        cases = List.copyOf(cases);
        unexplained = Map.copyOf(unexplained);
        serverFailures = Map.copyOf(serverFailures);
    }

    public boolean passed() {
        return cases.stream().noneMatch(CaseReport::failed) && unexplained.values().stream().allMatch(List::isEmpty)
            && serverFailures.isEmpty();
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
