package io.mailform.runtime.scenario;

import java.util.List;
import java.util.function.Predicate;

/**
 * A way James answers or places mail differently from Postfix that the runtime cannot close, with the reason. A case
 * on James whose every mismatch one of these explains is reported as a known difference, not a failure; README's
 * table lists the same entries under the same ids.
 */
public record KnownDifference(String id, String summary, String reason, Predicate<String> explainsMismatch) {
    boolean explains(List<String> mismatches) {
        return !mismatches.isEmpty() && mismatches.stream().allMatch(explainsMismatch);
    }
}
