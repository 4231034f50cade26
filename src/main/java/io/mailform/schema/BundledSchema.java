package io.mailform.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.mailform.yaml.Pointers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A schema shipped in the jar, read and compiled once per process. The only class that talks to the validator
 * library: its errors leave here as {@link SchemaError}s.
 */
final class BundledSchema {
    /** The schema's own keyword for per-keyword help texts; the validator library knows it under this name too. */
    static final String MESSAGE_KEYWORD = "message";

    // The text is served on its own (mailform schema) without compiling; each schema is compiled on first use.
    private static final Map<SchemaKind, String> TEXTS = new ConcurrentHashMap<>();
    private static final Map<SchemaKind, BundledSchema> COMPILED = new ConcurrentHashMap<>();

    private final SchemaDocument document;
    private final Schema schema;

    private BundledSchema(SchemaDocument document, Schema schema) {
        this.document = document;
        this.schema = schema;
    }

    static BundledSchema instance() {
        return of(SchemaKind.MAIL_SYSTEM);
    }

    static BundledSchema of(SchemaKind kind) {
        return COMPILED.computeIfAbsent(kind, BundledSchema::load);
    }

    static String text(SchemaKind kind) {
        return TEXTS.computeIfAbsent(kind, BundledSchema::readResource);
    }

    SchemaDocument document() {
        return document;
    }

    List<SchemaError> evaluate(JsonNode instance) {
        List<SchemaError> errors = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            errors.add(convert(error));
        }
        return errors;
    }

    private static BundledSchema load(SchemaKind kind) {
        String text = text(kind);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().errorMessageKeyword(MESSAGE_KEYWORD).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        // One tree for the validator and for the wording, read by Jackson's shared mapper: the validator library
        // would build a mapper of its own to read the text, and Jackson builds the shared one anyway (JsonNode's
        // toString, which the validator calls on every enum); each mapper costs milliseconds at start-up.
        JsonNode tree = JsonMapper.shared().readTree(text);
        Schema schema = registry.getSchema(tree);
        schema.initializeValidators(); // compile every pattern now, not on the first document that reaches it
        return new BundledSchema(new SchemaDocument(tree), schema);
    }

    private static String readResource(SchemaKind kind) {
        try (InputStream in = BundledSchema.class.getClassLoader().getResourceAsStream(kind.resource())) {
            if (in == null) {
                throw new IllegalStateException("the schema " + kind.resource() + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema " + kind.resource(), e);
        }
    }

    private static SchemaError convert(Error error) {
        return new SchemaError(
                error.getKeyword(),
                pointer(error.getInstanceLocation()),
                names(error.getEvaluationPath()),
                pointer(error.getSchemaLocation().getFragment()),
                Optional.ofNullable(error.getProperty()),
                validBranches(error));
    }

    /** A failed oneOf names how many branches matched as its first argument (as text in this library version). */
    private static int validBranches(Error error) {
        Object[] arguments = error.getArguments();
        if (!error.getKeyword().equals("oneOf") || arguments == null || arguments.length == 0) {
            return 0;
        }
        try {
            return Integer.parseInt(String.valueOf(arguments[0]));
        } catch (NumberFormatException unexpected) {
            return 0;
        }
    }

    /** Rebuilds the path as an escaped JSON Pointer from its elements: keys may hold '/' and '~'. */
    private static String pointer(NodePath path) {
        String pointer = "";
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer = element instanceof Integer index ? Pointers.child(pointer, index)
                    : Pointers.child(pointer, element.toString());
        }
        return pointer;
    }

    private static List<String> names(NodePath path) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            names.add(String.valueOf(path.getElement(i)));
        }
        return names;
    }
}
