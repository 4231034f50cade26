package io.mailform.runtime.scenario;

/** How one case fared on one server, or with the oracle. */
public enum Status {
    PASS("pass"),
    FAIL("FAIL"),
    /** Differs from the expectation in a way the table of known differences in docs/testing.md explains. */
    KNOWN("known"),
    /** The case could not run: the server did not start, or a session broke. */
    ERROR("ERROR"),
    /** The oracle cannot judge this case (a parameter it does not model, a size at the edge of a limit). */
    UNJUDGED("-");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean isFailure() {
        return this == FAIL || this == ERROR;
    }
}
