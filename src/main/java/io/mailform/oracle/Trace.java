package io.mailform.oracle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The steps of one judgement, in words, as {@code mailform explain} prints them. Predictions for many cases record
 * into a silent trace; the reasoning is the same code either way.
 */
final class Trace {
    private final List<String> steps;
    private final List<String> copies;
    private final boolean recording;
    private final String indent;

    private Trace(List<String> steps, List<String> copies, boolean recording, String indent) {
        this.steps = steps;
        this.copies = copies;
        this.recording = recording;
        this.indent = indent;
    }

    static Trace recording() {
        return new Trace(new ArrayList<>(), new ArrayList<>(), true, "");
    }

    static Trace silent() {
        return new Trace(Collections.emptyList(), Collections.emptyList(), false, "");
    }

    void step(String text) {
        if (recording) {
            steps.add(indent + text);
        }
    }

    /** A copy the judgement predicts, in words, in the order of its arrivals. */
    void copy(String text) {
        if (recording) {
            copies.add(text);
        }
    }

    /** The same trace with the steps of a sub-judgement indented below the current one. */
    Trace nested() {
        return new Trace(steps, copies, recording, indent + "  ");
    }

    List<String> steps() {
        return List.copyOf(steps);
    }

    List<String> copies() {
        return List.copyOf(copies);
    }
}
