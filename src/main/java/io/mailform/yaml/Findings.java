package io.mailform.yaml;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostics;
import io.mailform.source.Position;

/**
 * Where the later stages report problems: each names the YAML node at fault by JSON Pointer, and the source map
 * turns that into a position. The semantic rules and the emitters share it.
 */
public final class Findings {
    private final Diagnostics diagnostics;
    private final SourceMap sourceMap;

    public Findings(Diagnostics diagnostics, SourceMap sourceMap) {
        this.diagnostics = diagnostics;
        this.sourceMap = sourceMap;
    }

    /** A problem with the value at {@code pointer} (or its nearest written ancestor, for a default). */
    public void atValue(Code code, String pointer, String message, String help) {
        diagnostics.report(code, sourceMap.valueSpan(pointer), message, help);
    }

    /** A problem with a mapping key itself, such as an alias name. */
    public void atKey(Code code, String pointer, String message, String help) {
        diagnostics.report(code, sourceMap.keySpan(pointer), message, help);
    }

    /** Where the node at {@code pointer} starts (its key, for a mapping entry): for messages naming another place. */
    public Position positionOf(String pointer) {
        return sourceMap.keySpan(pointer).start();
    }

    public boolean hasErrors() {
        return diagnostics.hasErrors();
    }

    /** True if the user wrote the value at {@code pointer}, rather than it being a default. */
    public boolean isWritten(String pointer) {
        return sourceMap.contains(pointer);
    }
}
