package io.mailform.emit.postfix;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostics;
import io.mailform.yaml.SourceMap;

/** Where the Postfix emitter's problems go: each names the YAML node at fault by pointer. */
final class Reporter {
    private final Diagnostics diagnostics;
    private final SourceMap sourceMap;

    Reporter(Diagnostics diagnostics, SourceMap sourceMap) {
        this.diagnostics = diagnostics;
        this.sourceMap = sourceMap;
    }

    /** A problem with the value at {@code pointer}, or with its nearest written ancestor for a default. */
    void atValue(Code code, String pointer, String message, String help) {
        diagnostics.report(code, sourceMap.valueSpan(pointer), message, help);
    }

    /** A problem with a mapping key, such as an alias name. */
    void atKey(Code code, String pointer, String message, String help) {
        diagnostics.report(code, sourceMap.keySpan(pointer), message, help);
    }

    boolean hasErrors() {
        return diagnostics.hasErrors();
    }
}
