package io.mailform.scenario;

import java.util.List;

/**
 * A scenario file: the description it tests (a path relative to the file, as written) and its cases in order.
 */
public record Scenarios(String description, List<Case> cases) {
    public Scenarios {
        cases = List.copyOf(cases);
    }
}
