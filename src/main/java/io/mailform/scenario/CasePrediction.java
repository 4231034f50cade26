package io.mailform.scenario;

import io.mailform.delivery.Outcome;
import java.util.List;

/** The oracle's outcome for each repetition of a case, and what it could not judge. */
public record CasePrediction(List<Outcome> outcomes, List<String> uncertainties) {
    public CasePrediction {
        outcomes = List.copyOf(outcomes);
        uncertainties = List.copyOf(uncertainties);
    }

    public boolean isCertain() {
        return uncertainties.isEmpty();
    }
}
