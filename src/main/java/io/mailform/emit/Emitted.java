package io.mailform.emit;

import io.mailform.diag.Diagnostic;
import java.util.List;

/** An emitter's value: the files, and problems found while writing them (a secret that cannot be read). */
public record Emitted(OutputTree tree, List<Diagnostic> diagnostics) {
    public Emitted {
        diagnostics = List.copyOf(diagnostics);
    }
}
