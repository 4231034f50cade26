package io.mailform.pipeline;

import io.mailform.diag.Diagnostic;
import io.mailform.emit.OutputTree;
import java.util.List;

/** The files of every requested target, and the problems the emitters found; write the tree only if there are none. */
public record Compilation(OutputTree tree, List<Diagnostic> diagnostics) {
    public Compilation {
        diagnostics = diagnostics.stream().sorted(Diagnostic.BY_POSITION).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
