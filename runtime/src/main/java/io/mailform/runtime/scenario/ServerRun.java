package io.mailform.runtime.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mailform.delivery.Outcome;
import io.mailform.runtime.server.ServerKind;

/**
 * What one server did with every case: the outcome of each transaction with the copies found for the case (the
 * copies of all its repetitions are filed under the last one), or why a case could not run; and the ledger's
 * findings, messages that no case explains.
 */
record ServerRun(ServerKind server, Map<Integer, List<Outcome>> outcomes, Map<Integer, String> errors,
        List<String> unexplained, Optional<String> failure) {
    ServerRun {
        outcomes = Map.copyOf(outcomes);
        errors = Map.copyOf(errors);
        unexplained = List.copyOf(unexplained);
    }

    /** A server that could not start or stopped the run: every case errs with the reason. */
    static ServerRun failed(ServerKind server, String reason) {
        return new ServerRun(server, Map.of(), Map.of(), List.of(), Optional.of(reason));
    }
}
