package io.mailform.schema;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The schema as a document: valid draft 2020-12, and documented wherever a user can write a key. */
class SchemaDefinitionTest {
    static JsonNode schema() {
        return schema(SchemaKind.MAIL_SYSTEM);
    }

    static JsonNode schema(SchemaKind kind) {
        return new ObjectMapper().readTree(SchemaValidator.schemaText(kind));
    }

    @ParameterizedTest
    @EnumSource(SchemaKind.class)
    void isValidDraft202012(SchemaKind kind) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema metaSchema = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<Error> errors = metaSchema.validate(schema(kind),
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        assertEquals(List.of(), errors);
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema(kind).get("$schema").stringValue());
    }

    @Test
    void isIdentifiedByUrn() {
        assertTrue(schema().get("$id").stringValue().matches("urn:mailform:schema:mailsystem:1"));
        assertTrue(schema(SchemaKind.SCENARIOS).get("$id").stringValue().matches("urn:mailform:schema:scenarios:1"));
    }

    @ParameterizedTest
    @EnumSource(SchemaKind.class)
    void everyPropertyHasTitleDescriptionAndExamples(SchemaKind kind) {
        List<String> properties = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        walk(schema(kind), "", (pointer, property) -> {
            properties.add(pointer);
            for (String annotation : List.of("title", "description")) {
                JsonNode value = property.get(annotation);
                if (value == null || !value.isString() || value.stringValue().isBlank()) {
                    undocumented.add(pointer + " lacks " + annotation);
                }
            }
            JsonNode examples = property.get("examples");
            if (examples == null || !examples.isArray() || examples.isEmpty()) {
                undocumented.add(pointer + " lacks examples");
            }
        });
        assertEquals(List.of(), undocumented);
        // the walk must reach nested properties too, not only the top level
        String nested = kind == SchemaKind.MAIL_SYSTEM ? "/$defs/relay/properties/auth/properties/password_env"
                : "/properties/cases/items/properties/send/properties/client";
        assertTrue(properties.contains(nested), properties::toString);
        assertTrue(properties.size() > 20, properties::toString);
    }

    @ParameterizedTest
    @EnumSource(SchemaKind.class)
    void everyObjectRefusesUnknownKeys(SchemaKind kind) {
        List<String> open = new ArrayList<>();
        walkSchemas(schema(kind), "", (pointer, node) -> {
            if (node.has("properties") && !node.path("additionalProperties").isBoolean()) {
                open.add(pointer);
            }
        });
        assertEquals(List.of(), open);
    }

    @ParameterizedTest
    @EnumSource(SchemaKind.class)
    void everyPatternCompilesAsJavaRegex(SchemaKind kind) {
        List<String> patterns = new ArrayList<>();
        walkAll(schema(kind), (node) -> {
            if (node.has("pattern")) {
                patterns.add(node.get("pattern").stringValue());
            }
        });
        assertFalse(patterns.isEmpty());
        patterns.forEach(pattern -> assertDoesNotThrow(() -> Pattern.compile(pattern), pattern));
    }

    /**
     * Editors compile patterns as ECMA-262 in unicode mode, which refuses escapes that Java and plain ECMA-262
     * accept, such as \" : only escapes valid there may appear.
     */
    @ParameterizedTest
    @EnumSource(SchemaKind.class)
    void everyPatternUsesOnlyEscapesThatEditorsAccept(SchemaKind kind) {
        Pattern escape = Pattern.compile("\\\\(.)");
        Pattern allowed = Pattern.compile("[\\^$\\\\.*+?()\\[\\]{}|/dDsSwWbBfnrtvxu0-9kpPc-]");
        List<String> refused = new ArrayList<>();
        walkAll(schema(kind), node -> {
            if (node.has("pattern")) {
                var matcher = escape.matcher(node.get("pattern").stringValue());
                while (matcher.find()) {
                    if (!allowed.matcher(matcher.group(1)).matches()) {
                        refused.add(matcher.group() + " in " + node.get("pattern").stringValue());
                    }
                }
            }
        });
        assertEquals(List.of(), refused);
    }

    @ParameterizedTest
    @EnumSource(SchemaKind.class)
    void bundledSchemaIsThePublishedOne(SchemaKind kind) throws IOException {
        Path published = Path.of("..", "schema", kind.fileName());
        assertTrue(Files.exists(published), "run the tests from the module directory src/");
        assertEquals(Files.readString(published, StandardCharsets.UTF_8), SchemaValidator.schemaText(kind));
    }

    /** Every object node of the schema document, whatever keyword holds it (patterns sit in conditionals too). */
    private static void walkAll(JsonNode node, Consumer<JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(node);
        }
        node.values().forEach(child -> walkAll(child, visitor));
    }

    interface Visitor {
        void visit(String pointer, JsonNode node);
    }

    /** Visits every property definition (the values of every "properties" object) that describes a user's key. */
    private static void walk(JsonNode root, String pointer, Visitor visitor) {
        walkSchemas(root, pointer, (at, schema) -> {
            JsonNode properties = schema.get("properties");
            if (properties != null && properties.isObject()) {
                for (Map.Entry<String, JsonNode> entry : properties.properties()) {
                    visitor.visit(at + "/properties/" + entry.getKey(), entry.getValue());
                }
            }
        });
    }

    /**
     * Visits every subschema that describes the shape of a document: the ones under properties, items, maps and
     * choices, following $ref. Conditionals (allOf, if/then/else, not) only restate existing keys to constrain
     * them and are not walked.
     */
    private static void walkSchemas(JsonNode root, String pointer, Visitor visitor) {
        walkSchemas(root, root, pointer, visitor, new HashSet<>());
    }

    private static void walkSchemas(JsonNode root, JsonNode node, String pointer, Visitor visitor,
            Set<String> seen) {
        if (node == null || !node.isObject() || !seen.add(pointer)) {
            return;
        }
        visitor.visit(pointer, node);
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.stringValue().startsWith("#")) {
            String target = ref.stringValue().substring(1);
            walkSchemas(root, root.at(target), target, visitor, seen);
        }
        for (String keyword : List.of("items", "additionalProperties", "propertyNames")) {
            walkSchemas(root, node.get(keyword), pointer + "/" + keyword, visitor, seen);
        }
        JsonNode properties = node.get("properties");
        if (properties != null && properties.isObject()) {
            for (Map.Entry<String, JsonNode> entry : properties.properties()) {
                walkSchemas(root, entry.getValue(), pointer + "/properties/" + entry.getKey(), visitor, seen);
            }
        }
        for (String keyword : List.of("anyOf", "oneOf")) {
            JsonNode branches = node.get(keyword);
            if (branches != null && branches.isArray()) {
                for (int i = 0; i < branches.size(); i++) {
                    walkSchemas(root, branches.get(i), pointer + "/" + keyword + "/" + i, visitor, seen);
                }
            }
        }
    }
}
