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
        return check(document, source, sourceMap).diagnostics();
    }

    /** The diagnostics of {@link #validate}, and beside them every failed assertion with the node it failed at. */
    public SchemaResult check(JsonNode document, SourceFile source, SourceMap sourceMap) {
        BundledSchema schema = BundledSchema.of(kind);
        List<SchemaError> errors = schema.evaluate(document);
        ErrorTranslator translator = new ErrorTranslator(schema.document(), document, source.name(), sourceMap);
        // A sorted set: the same document always yields the same diagnostics in the same order, each once.
        TreeSet<Diagnostic> diagnostics = new TreeSet<>(Diagnostic.BY_POSITION
                .thenComparing(d -> d.help().orElse("")));
        for (SchemaError error : ErrorSelection.select(errors, schema.document())) {
            diagnostics.add(translator.translate(error));
        }
        return new SchemaResult(List.copyOf(diagnostics), failures(errors));
    }

    /** Every failed assertion of the document, without diagnostics: for checking a document no one reads. */
    public List<SchemaFailure> failures(JsonNode document) {
        return failures(BundledSchema.of(kind).evaluate(document));
    }

    private static List<SchemaFailure> failures(List<SchemaError> errors) {
        return errors.stream()
                .map(error -> new SchemaFailure(error.instancePointer(), error.keyword(), error.property()))
                .toList();
    }

    /**
     * Compiles the description schema now, as the first validation would; the command line has it done on a second
     * thread while the first file is read. A failure here is thrown again by {@link #validate}.
     */
    public static void compile() {
        BundledSchema.of(SchemaKind.MAIL_SYSTEM);
    }

    /** The description schema's text as bundled, for {@code mailform schema} and for editors. */
    public static String schemaText() {
        return schemaText(SchemaKind.MAIL_SYSTEM);
    }

    public static String schemaText(SchemaKind kind) {
        return BundledSchema.text(kind);
    }
}
