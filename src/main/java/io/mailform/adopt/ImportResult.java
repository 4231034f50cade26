package io.mailform.adopt;

import io.mailform.diag.Diagnostic;
import io.mailform.model.Mode;
import io.mailform.source.SourceFile;
import java.util.List;

/**
 * The description import wrote, with what could not be carried over (diagnostics positioned in the host's files,
 * whose texts are in {@code sources} for snippets) and notes for the user.
 */
public record ImportResult(String yaml, Mode mode, List<Diagnostic> diagnostics, List<SourceFile> sources,
        List<String> notes) {
    public ImportResult {
        diagnostics = diagnostics.stream().sorted(Diagnostic.BY_POSITION).toList();
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
