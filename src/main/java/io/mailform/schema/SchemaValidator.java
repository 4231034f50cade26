package io.mailform.schema;

import io.mailform.diag.Diagnostic;
import io.mailform.source.SourceFile;
import io.mailform.yaml.SourceMap;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The second stage: validates the JSON tree against {@code mailsystem.schema.json} (bundled in the jar) and turns
 * each schema error into a diagnostic at the offending node. networknt types do not leave this package.
 */
public final class SchemaValidator {
    public List<Diagnostic> validate(JsonNode document, SourceFile source, SourceMap sourceMap) {
        throw new UnsupportedOperationException("schema validation is not wired yet");
    }
}
