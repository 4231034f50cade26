package io.mailform.scenario;

import io.mailform.diag.Diagnostic;
import io.mailform.source.SourceFile;
import io.mailform.yaml.SourceMap;
import java.util.List;
import java.util.Optional;

/** What the front end learned about one scenario file: the scenarios if they could be read, and every problem. */
public record ScenarioValidation(SourceFile source, SourceMap sourceMap, Optional<Scenarios> scenarios,
        List<Diagnostic> diagnostics) {
    public ScenarioValidation {
        diagnostics = diagnostics.stream().sorted(Diagnostic.BY_POSITION).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
