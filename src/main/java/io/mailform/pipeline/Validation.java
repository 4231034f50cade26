package io.mailform.pipeline;

import io.mailform.diag.Diagnostic;
import io.mailform.model.MailSystem;
import io.mailform.source.SourceFile;
import io.mailform.yaml.SourceMap;
import java.util.List;
import java.util.Optional;

/** Everything the front end learned about one file: the model if it is valid enough to bind, and all problems. */
public record Validation(SourceFile source, SourceMap sourceMap, Optional<MailSystem> mailSystem,
        List<Diagnostic> diagnostics) {
    public Validation {
        diagnostics = diagnostics.stream().sorted(Diagnostic.BY_POSITION).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
