package io.mailform.schema;

import io.mailform.diag.Diagnostic;
import io.mailform.source.SourceFile;
import io.mailform.yaml.SourceMap;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The second stage: validates the JSON tree against a schema bundled in the jar ({@code mailsystem.schema.json} for
 * descriptions, {@code scenarios.schema.json} for scenario files) and turns each schema error into a diagnostic at
 * the offending node. networknt types do not leave this package.
 */
public final class SchemaValidator {
    private final SchemaKind kind;

    public SchemaValidator() {
        this(SchemaKind.MAIL_SYSTEM);
    }

    public SchemaValidator(SchemaKind kind) {
        this.kind = kind;
    }

    public List<Diagnostic> validate(JsonNode document, SourceFile source, SourceMap sourceMap) {
        BundledSchema schema = BundledSchema.of(kind);
        ErrorTranslator translator = new ErrorTranslator(schema.document(), document, source.name(), sourceMap);
        // A sorted set: the same document always yields the same diagnostics in the same order, each once.
        TreeSet<Diagnostic> diagnostics = new TreeSet<>(Diagnostic.BY_POSITION
                .thenComparing(d -> d.help().orElse("")));
        for (SchemaError error : ErrorSelection.select(schema.evaluate(document), schema.document())) {
            diagnostics.add(translator.translate(error));
        }
        return List.copyOf(diagnostics);
    }

    /**
     * Starts compiling the description schema on another thread, so that it is ready, or nearly, when the first
     * document has been read: at start-up the two take about as long, and a second core is there. Validation waits
     * for the compilation, and compiles the schema itself if this failed, so the outcome is the same either way.
     */
    public static void compileInBackground() {
        Thread compiler = new Thread(() -> {
            try {
                BundledSchema.of(SchemaKind.MAIL_SYSTEM);
            } catch (RuntimeException | Error e) {
                // validate() compiles it again on the calling thread and reports what goes wrong there
            }
        }, "mailform-schema");
        compiler.setDaemon(true);
        compiler.start();
    }

    /** The description schema's text as bundled, for {@code mailform schema} and for editors. */
    public static String schemaText() {
        return schemaText(SchemaKind.MAIL_SYSTEM);
    }

    public static String schemaText(SchemaKind kind) {
        return BundledSchema.text(kind);
    }
}
