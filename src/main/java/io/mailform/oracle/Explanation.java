package io.mailform.oracle;

import java.util.List;

/**
 * The oracle's reasoning about one recipient, in the order Postfix decides, and what it predicts.
 *
 * @param copies where each copy the prediction holds goes, in words: its mailbox, or its next hop as Postfix names it
 *     (the prediction names the sandbox's sink instead)
 */
public record Explanation(List<String> steps, List<String> copies, Prediction prediction) {
    public Explanation {
        steps = List.copyOf(steps);
        copies = List.copyOf(copies);
    }
}
