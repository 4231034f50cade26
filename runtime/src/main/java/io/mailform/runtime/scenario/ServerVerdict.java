package io.mailform.runtime.scenario;

import java.util.List;
import java.util.Optional;

import io.mailform.delivery.Outcome;

/** One case on one server: its status, what the server did, and how that differs from the case. */
public record ServerVerdict(Status status, List<Outcome> outcomes, List<String> mismatches,
        Optional<KnownDifference> known, Optional<String> error) {
    public ServerVerdict {
        outcomes = List.copyOf(outcomes);
        mismatches = List.copyOf(mismatches);
    }
}
