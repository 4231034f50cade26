package io.mailform.oracle;

import java.util.List;

/** The oracle's reasoning about one recipient, in the order Postfix decides, and what it predicts. */
public record Explanation(List<String> steps, Prediction prediction) {
    public Explanation {
        steps = List.copyOf(steps);
    }
}
