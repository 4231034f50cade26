package io.mailform.runtime.scenario;

import java.util.List;
import java.util.function.BiPredicate;

import io.mailform.scenario.Case;

/**
 * A way James answers or places mail differently from Postfix that the runtime cannot close, with the reason. A case
 * on James whose mismatches one of these explains is reported as a known difference, not a failure; the table of
 * known differences in docs/testing.md lists the same entries under the same ids.
 */
public record KnownDifference(String id, String summary, String reason, BiPredicate<Case, List<String>> explains) {
    boolean explains(Case item, List<String> mismatches) {
        return !mismatches.isEmpty() && explains.test(item, mismatches);
    }
}
