package io.mailform.runtime.scenario;

import java.util.List;
import java.util.Map;

import io.mailform.runtime.server.ServerKind;
import io.mailform.scenario.Case;

/**
 * One case judged every way: by the oracle (its prediction against the case), on each server (against the case),
 * and the servers against each other ({@code disagreements}, code and enhanced status and copies).
 */
public record CaseReport(int index, Case item, Status oracle, List<String> oracleNotes, Map<ServerKind, ServerVerdict> servers,
        List<String> disagreements) {
    public CaseReport {
        oracleNotes = List.copyOf(oracleNotes);
        servers = Map.copyOf(servers);
        disagreements = List.copyOf(disagreements);
    }

    public boolean failed() {
        return oracle == Status.FAIL || servers.values().stream().anyMatch(verdict -> verdict.status().isFailure());
    }
}
