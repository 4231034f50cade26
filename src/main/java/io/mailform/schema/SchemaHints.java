package io.mailform.schema;

import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * What the schema says about the place an error occurred: the name of the thing that failed (its title), an example
 * of a good value, the help text written for the failing keyword, and the condition a conditional keyword stands
 * under. Looked up along the error's evaluation path, innermost first.
 */
final class SchemaHints {
    private final SchemaDocument schema;
    private final JsonNode document;

    SchemaHints(SchemaDocument schema, JsonNode document) {
        this.schema = schema;
        this.document = document;
    }

    /** "add it, e.g. host: smtp.example.com" for a missing key, with the example its schema gives. */
    String addKey(SchemaError error, String key) {
        for (SchemaDocument.Step step : reversed(schema.walk(error.evaluationPath()))) {
            Optional<JsonNode> property = schema.annotation(step.schema(), "properties").map(p -> p.get(key));
            if (property.isPresent()) {
                return schema.firstExample(property.get()).map(example -> "add it, e.g. " + Wording.entry(key, example))
                        .orElse("add it");
            }
        }
        return "add it";
    }

    /** "when mode is not none" for an error inside a then (or "unless ..." inside an else), from the if's title. */
    Optional<String> conditionOf(SchemaError error) {
        List<String> path = error.evaluationPath();
        for (int i = path.size() - 2; i >= 1; i--) {
            String segment = path.get(i);
            if ((segment.equals("then") || segment.equals("else")) && SchemaDocument.isKeywordAt(path, i)) {
                List<SchemaDocument.Step> steps = schema.walk(path.subList(0, i + 1));
                JsonNode conditional = steps.get(steps.size() - 1).schema();
                Optional<String> title = Optional.ofNullable(conditional.get("if")).flatMap(schema::title);
                return title.map(t -> (segment.equals("then") ? "when " : "unless ") + t);
            }
        }
        return Optional.empty();
    }

    /** The help text the schema gives for this keyword, in the {@code message} of the subschema that failed. */
    Optional<String> ownMessage(SchemaError error) {
        return schema.message(schema.at(error.subschemaPointer()), error.keyword());
    }

    /** The nearest title on the way to the failing keyword, as a noun: "domain name", "mode". */
    String noun(SchemaError error) {
        return nearest(error, step -> schema.title(step.schema())).map(Wording::noun).orElse("value");
    }

    /** The nearest example on the way to the failing keyword, written as the entry it would be in the YAML. */
    Optional<String> example(SchemaError error) {
        List<String> segments = Pointers.segments(error.instancePointer());
        return nearest(error, step -> schema.firstExample(step.schema())
                .filter(example -> step.instanceDepth() <= segments.size())
                .map(example -> Wording.entry(keyAt(segments, step.instanceDepth()), example)));
    }

    /** The key of the node {@code depth} levels down the path, or "" for the document or a list item. */
    private String keyAt(List<String> segments, int depth) {
        if (depth == 0) {
            return "";
        }
        JsonNode parent = document.at(Pointers.of(segments.subList(0, depth - 1).toArray()));
        return parent.isObject() ? segments.get(depth - 1) : "";
    }

    /**
     * The first annotation found walking outward from the failing keyword. A schema that refers to another with
     * {@code $ref} is asked before the one it refers to: its annotations are the more specific ones.
     */
    private <T> Optional<T> nearest(SchemaError error, Function<SchemaDocument.Step, Optional<T>> find) {
        List<SchemaDocument.Step> steps = schema.walk(error.evaluationPath());
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).viaReference() && i > 0) {
                Optional<T> fromReferrer = find.apply(steps.get(i - 1));
                if (fromReferrer.isPresent()) {
                    return fromReferrer;
                }
            }
            Optional<T> found = find.apply(steps.get(i));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
