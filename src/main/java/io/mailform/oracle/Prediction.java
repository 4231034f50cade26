package io.mailform.oracle;

import io.mailform.delivery.Outcome;
import java.util.List;

/**
 * What Postfix does with one transaction, as the oracle predicts it. {@code uncertainties} name what the oracle could
 * not judge (a passthrough parameter it does not model, a size at the edge of a limit); a prediction with any is not
 * a verdict.
 */
public record Prediction(Outcome outcome, List<String> uncertainties) {
    public Prediction {
        uncertainties = List.copyOf(uncertainties);
    }

    public boolean isCertain() {
        return uncertainties.isEmpty();
    }
}
