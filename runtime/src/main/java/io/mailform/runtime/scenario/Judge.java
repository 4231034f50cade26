package io.mailform.runtime.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mailform.delivery.Outcome;
import io.mailform.runtime.server.ServerKind;
import io.mailform.scenario.Case;
import io.mailform.scenario.CasePrediction;
import io.mailform.scenario.Expectations;
import io.mailform.scenario.Scenarios;

/**
 * Judges every case three ways: the oracle's prediction against the case, each server against the case, and the
 * servers against each other. A mismatch on James that a known difference explains is marked as such.
 */
final class Judge {
    private final Expectations expectations;
    private final List<KnownDifference> knownDifferences;

    Judge(Expectations expectations, List<KnownDifference> knownDifferences) {
        this.expectations = expectations;
        this.knownDifferences = List.copyOf(knownDifferences);
    }

    List<CaseReport> judge(Scenarios scenarios, List<CasePrediction> predictions, Map<ServerKind, ServerRun> runs) {
        List<CaseReport> reports = new ArrayList<>();
        for (int index = 0; index < scenarios.cases().size(); index++) {
            Case item = scenarios.cases().get(index);
            CasePrediction prediction = predictions.get(index);
            Status oracle;
            List<String> oracleNotes;
            if (!prediction.isCertain()) {
                oracle = Status.UNJUDGED;
                oracleNotes = prediction.uncertainties();
            } else {
                oracleNotes = expectations.mismatches(item, prediction.outcomes());
                oracle = oracleNotes.isEmpty() ? Status.PASS : Status.FAIL;
            }
            Map<ServerKind, ServerVerdict> servers = new LinkedHashMap<>();
            for (Map.Entry<ServerKind, ServerRun> run : runs.entrySet()) {
                servers.put(run.getKey(), verdict(run.getKey(), run.getValue(), index, item));
            }
            reports.add(new CaseReport(index, item, oracle, oracleNotes, servers, disagreements(item, servers)));
        }
        return reports;
    }

    private ServerVerdict verdict(ServerKind server, ServerRun run, int index, Case item) {
        Optional<String> error = run.failure().or(() -> Optional.ofNullable(run.errors().get(index)));
        if (error.isPresent()) {
            return new ServerVerdict(Status.ERROR, List.of(), List.of(), Optional.empty(), error);
        }
        List<Outcome> outcomes = run.outcomes().getOrDefault(index, List.of());
        List<String> mismatches = expectations.mismatches(item, outcomes);
        if (mismatches.isEmpty()) {
            return new ServerVerdict(Status.PASS, outcomes, mismatches, Optional.empty(), Optional.empty());
        }
        Optional<KnownDifference> known = server == ServerKind.JAMES
            ? knownDifferences.stream().filter(difference -> difference.explains(item, mismatches)).findFirst()
            : Optional.empty();
        return new ServerVerdict(known.isPresent() ? Status.KNOWN : Status.FAIL, outcomes, mismatches, known,
            Optional.empty());
    }

    private static List<String> disagreements(Case item, Map<ServerKind, ServerVerdict> servers) {
        ServerVerdict james = servers.get(ServerKind.JAMES);
        ServerVerdict postfix = servers.get(ServerKind.POSTFIX);
        if (james == null || postfix == null || james.error().isPresent() || postfix.error().isPresent()) {
            return List.of();
        }
        return OutcomeComparison.differences(ServerKind.JAMES.key(), james.outcomes(), ServerKind.POSTFIX.key(),
            postfix.outcomes(), item.send().to());
    }
}
