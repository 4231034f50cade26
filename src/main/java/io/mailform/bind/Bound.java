package io.mailform.bind;

import io.mailform.diag.Diagnostic;
import io.mailform.model.MailSystem;
import java.util.List;
import java.util.Optional;

/** The binder's value: the model when it could be built, and the problems found on the way. */
public record Bound(Optional<MailSystem> mailSystem, List<Diagnostic> diagnostics) {
    public Bound {
        diagnostics = List.copyOf(diagnostics);
    }
}
