package io.mailform.yaml;

import io.mailform.diag.Diagnostic;
import io.mailform.source.SourceFile;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the YAML stage makes of one input: the source (for rendering diagnostics), the document as a JSON tree with
 * its source map when it could be read, and the problems found.
 */
public record ReadResult(SourceFile source, Optional<JsonNode> document, SourceMap sourceMap,
        List<Diagnostic> diagnostics) {
    public ReadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
