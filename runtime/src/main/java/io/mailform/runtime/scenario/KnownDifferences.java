package io.mailform.runtime.scenario;

import java.util.List;

/**
 * The differences between James and Postfix that the runtime cannot close; README's table "Known differences" lists
 * them with the same ids. Each entry says which mismatches it explains, so that nothing else is excused.
 */
final class KnownDifferences {
    static final List<KnownDifference> ALL = List.of();

    private KnownDifferences() {
    }
}
