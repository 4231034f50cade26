package io.mailform.schema;

import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * The schema as a JSON tree, read for what people need in a diagnostic: titles to name a value, examples and help
 * texts to show the fix, and the keys an object allows.
 */
final class SchemaDocument {
    /** Keywords whose value holds several subschemas by name or index: the next path step picks one. */
    private static final Set<String> CONTAINERS = Set.of("properties", "patternProperties", "$defs",
            "dependentSchemas", "allOf", "anyOf", "oneOf", "prefixItems");
    /** Keywords whose subschema applies to a child of the current node (one level down in the document). */
    private static final Set<String> DESCENDING = Set.of("properties", "patternProperties", "prefixItems", "items",
            "additionalProperties", "propertyNames", "contains", "unevaluatedProperties", "unevaluatedItems");

    /**
     * A subschema met on the way to an assertion: where it is in the schema, and how deep in the document the node
     * it applies to is.
     */
    record Step(JsonNode schema, String pointer, int instanceDepth, boolean viaReference) {
    }

    private final JsonNode root;

    SchemaDocument(JsonNode root) {
        this.root = root;
    }

    JsonNode root() {
        return root;
    }

    JsonNode at(String pointer) {
        return root.at(JsonPointer.compile(pointer));
    }

    /**
     * The subschemas along an evaluation path, outermost first, following {@code $ref}; the final keyword itself is
     * not a step. The last step is the subschema that holds the failing keyword.
     */
    List<Step> walk(List<String> evaluationPath) {
        List<Step> steps = new ArrayList<>();
        JsonNode node = root;
        String pointer = "";
        int depth = 0;
        steps.add(new Step(node, pointer, depth, false));
        for (int i = 0; i < evaluationPath.size() - 1; i++) {
            String segment = evaluationPath.get(i);
            if (segment.equals("$ref")) {
                pointer = reference(node).orElse(pointer);
                node = resolve(node);
            } else if (CONTAINERS.contains(segment)) {
                String name = evaluationPath.get(++i);
                node = child(node.get(segment), name);
                pointer = Pointers.child(Pointers.child(pointer, segment), name);
            } else {
                node = node.get(segment);
                pointer = Pointers.child(pointer, segment);
            }
            if (DESCENDING.contains(segment)) {
                depth++;
            }
            if (node == null || node.isMissingNode()) {
                break;
            }
            steps.add(new Step(node, pointer, depth, segment.equals("$ref")));
        }
        return steps;
    }

    /** The schema a {@code $ref} points to; only references inside this document are used. */
    JsonNode resolve(JsonNode schema) {
        return reference(schema).map(this::at).orElse(schema);
    }

    private static Optional<String> reference(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null || !ref.isString() || !ref.stringValue().startsWith("#")) {
            return Optional.empty();
        }
        return Optional.of(ref.stringValue().substring(1));
    }

    /** An annotation of a schema, or else of the schema its {@code $ref} names. */
    Optional<JsonNode> annotation(JsonNode schema, String name) {
        JsonNode value = schema.get(name);
        if (value == null && schema.has("$ref")) {
            value = resolve(schema).get(name);
        }
        return Optional.ofNullable(value);
    }

    Optional<String> title(JsonNode schema) {
        return annotation(schema, "title").map(JsonNode::asString);
    }

    Optional<JsonNode> firstExample(JsonNode schema) {
        return annotation(schema, "examples").filter(JsonNode::isArray).filter(examples -> !examples.isEmpty())
                .map(examples -> examples.get(0));
    }

    /** The schema's help text for one keyword, from its {@code message} object. */
    Optional<String> message(JsonNode schema, String keyword) {
        return annotation(schema, BundledSchema.MESSAGE_KEYWORD).map(messages -> messages.get(keyword))
                .filter(JsonNode::isString).map(JsonNode::stringValue);
    }

    /** The {@code type} names a schema accepts, following {@code $ref}; empty if it does not restrict the type. */
    List<String> types(JsonNode schema) {
        return annotation(schema, "type").map(type -> type.isArray()
                ? type.values().stream().map(JsonNode::asString).toList()
                : List.of(type.asString())).orElse(List.of());
    }

    /** The keys an object schema defines, in schema order. */
    List<String> propertyNames(JsonNode objectSchema) {
        return annotation(objectSchema, "properties").map(JsonNode::propertyNames).map(List::copyOf).orElse(List.of());
    }

    /** True if the path step at {@code index} is a keyword, not the name of a property or definition. */
    static boolean isKeywordAt(List<String> evaluationPath, int index) {
        return index == 0 || !CONTAINERS.contains(evaluationPath.get(index - 1));
    }

    private static JsonNode child(JsonNode container, String name) {
        if (container == null) {
            return null;
        }
        return container.isArray() ? container.get(Integer.parseInt(name)) : container.get(name);
    }
}
