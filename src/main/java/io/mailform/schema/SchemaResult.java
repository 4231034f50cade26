package io.mailform.schema;

import io.mailform.diag.Diagnostic;
import java.util.List;

/** What the schema found in one document: the diagnostics to report, and every failed assertion as it was found. */
public record SchemaResult(List<Diagnostic> diagnostics, List<SchemaFailure> failures) {
    public SchemaResult {
        diagnostics = List.copyOf(diagnostics);
        failures = List.copyOf(failures);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
