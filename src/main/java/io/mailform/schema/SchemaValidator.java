package io.mailform.schema;

import io.mailform.diag.Diagnostic;
import io.mailform.source.SourceFile;
import io.mailform.yaml.SourceMap;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The second stage: validates the JSON tree against {@code mailsystem.schema.json} (bundled in the jar) and turns
 * each schema error into a diagnostic at the offending node. networknt types do not leave this package.
 */
public final class SchemaValidator {
    public List<Diagnostic> validate(JsonNode document, SourceFile source, SourceMap sourceMap) {
        BundledSchema schema = BundledSchema.instance();
        ErrorTranslator translator = new ErrorTranslator(schema.document(), document, source.name(), sourceMap);
        // A sorted set: the same document always yields the same diagnostics in the same order, each once.
        TreeSet<Diagnostic> diagnostics = new TreeSet<>(Diagnostic.BY_POSITION
                .thenComparing(d -> d.help().orElse("")));
        for (SchemaError error : ErrorSelection.select(schema.evaluate(document), schema.document())) {
            diagnostics.add(translator.translate(error));
        }
        return List.copyOf(diagnostics);
    }

    /** The schema text as bundled, for {@code mailform schema} and for editors. */
    public static String schemaText() {
        return BundledSchema.text();
    }
}
