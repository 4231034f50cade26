package io.mailform.schema;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.diag.Suggestions;
import io.mailform.source.Span;
import io.mailform.yaml.Pointers;
import io.mailform.yaml.SourceMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns one schema error into a diagnostic: a stable code chosen by keyword, the offending node's position, a
 * message that names the key and the value as the author wrote them, and help taken from the schema itself (its
 * titles, examples and {@code message} texts) so that the fix shown is the one the schema documents.
 */
final class ErrorTranslator {
    private final SchemaDocument schema;
    private final JsonNode document;
    private final String file;
    private final SourceMap sourceMap;
    private final SchemaHints hints;

    ErrorTranslator(SchemaDocument schema, JsonNode document, String file, SourceMap sourceMap) {
        this.schema = schema;
        this.document = document;
        this.file = file;
        this.sourceMap = sourceMap;
        this.hints = new SchemaHints(schema, document);
    }

    Diagnostic translate(SchemaError error) {
        Optional<OptInGuard> guard = OptInGuard.of(error);
        if (guard.isPresent()) {
            return optIn(error, guard.get());
        }
        return switch (error.keyword()) {
            case "required" -> hints.conditionOf(error).isPresent() ? conditionallyRequired(error) : required(error);
            case "additionalProperties", "unevaluatedProperties" -> unknownKey(error);
            case "propertyNames" -> badKey(error);
            case "type" -> type(error);
            case "enum", "const" -> notAllowed(error);
            case "pattern", "format" -> malformed(error);
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> outOfRange(error);
            case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties" -> wrongSize(error);
            case "uniqueItems" -> repeated(error);
            case "oneOf", "anyOf" -> choice(error);
            case "not", "dependentRequired", "dependentSchemas", "if", "then", "else" -> condition(error);
            default -> other(error);
        };
    }

    private Diagnostic required(SchemaError error) {
        String key = error.property().orElse("?");
        return diagnostic(Code.SCHEMA_REQUIRED, valueSpan(error), prefix(error) + "the required key \"" + key
                + "\" is missing", hints.addKey(error, key));
    }

    private Diagnostic conditionallyRequired(SchemaError error) {
        String key = error.property().orElse("?");
        return diagnostic(Code.SCHEMA_CONDITION, valueSpan(error), prefix(error) + "the key \"" + key
                + "\" is required " + hints.conditionOf(error).orElseThrow(), hints.addKey(error, key));
    }

    private Diagnostic unknownKey(SchemaError error) {
        String key = error.property().orElse("?");
        String where = where(error);
        List<String> allowed = schema.propertyNames(schema.at(error.subschemaPointer()));
        String keys = (where.isEmpty() ? "the top-level keys are " : where + " takes the keys ")
                + String.join(", ", allowed);
        String explanation = hints.ownMessage(error).orElse(keys);
        String help = Suggestions.didYouMean(key, allowed)
                .map(didYouMean -> hints.ownMessage(error).map(custom -> didYouMean + " (" + custom + ")").orElse(didYouMean))
                .orElse(explanation);
        String message = "unknown key " + Wording.quote(key) + (where.isEmpty() ? "" : " in " + where);
        return diagnostic(Code.SCHEMA_UNKNOWN_KEY, sourceMap.keySpan(Pointers.child(error.instancePointer(), key)),
                message, help);
    }

    private Diagnostic badKey(SchemaError error) {
        String key = error.property().orElse("?");
        JsonNode keySchema = schema.at(error.schemaPointer());
        String noun = schema.title(keySchema).map(Wording::noun).orElse("key");
        String help = schema.message(keySchema, "pattern").orElse("rename the key");
        return diagnostic(Code.SCHEMA_PATTERN, sourceMap.keySpan(Pointers.child(error.instancePointer(), key)),
                prefix(error) + Wording.quote(key) + " is not a valid " + noun, help);
    }

    private Diagnostic type(SchemaError error) {
        JsonNode value = value(error);
        List<String> expected = schema.types(schema.at(error.subschemaPointer()));
        String message = prefix(error, "the top level") + "expected " + Wording.types(expected) + ", found "
                + Wording.value(value);
        return diagnostic(Code.SCHEMA_TYPE, valueSpan(error), message,
                hints.ownMessage(error).orElseGet(() -> typeHelp(error, expected, value)));
    }

    private String typeHelp(SchemaError error, List<String> expected, JsonNode value) {
        if (value != null && value.isString()) {
            String text = value.stringValue();
            if (expected.contains("integer") && text.matches("-?\\d+")
                    || expected.contains("boolean") && text.matches("true|false")) {
                return "write " + text + " without quotes";
            }
            if (expected.contains("boolean")) {
                return "write true or false (YAML 1.2 reads yes, no, on and off as text)";
            }
        }
        if (value == null || value.isNull()) {
            return hints.example(error).map(example -> "give it a value, e.g. " + example).orElse("give it a value, or remove the key");
        }
        return hints.example(error).map(example -> "for example: " + example).orElse("see `mailform schema` for the expected form");
    }

    private Diagnostic notAllowed(SchemaError error) {
        JsonNode holder = schema.at(error.subschemaPointer());
        List<String> allowed = new ArrayList<>();
        JsonNode values = holder.get(error.keyword());
        if (error.keyword().equals("const")) {
            allowed.add(values.asString());
        } else {
            values.values().forEach(item -> allowed.add(item.asString()));
        }
        JsonNode value = value(error);
        String choices = allowed.size() == 1 ? "the only accepted value is " + allowed.get(0)
                : "the choices are " + String.join(", ", allowed);
        Optional<String> suggestion = value != null && value.isString()
                ? Suggestions.didYouMean(value.stringValue(), allowed) : Optional.empty();
        String help = hints.ownMessage(error).orElseGet(() -> suggestion
                .map(didYouMean -> allowed.size() == 1 ? didYouMean : didYouMean + " (" + choices + ")")
                .orElse(choices));
        return diagnostic(Code.SCHEMA_ENUM, valueSpan(error), prefix(error) + Wording.value(value) + " is not a valid "
                + hints.noun(error), help);
    }

    private Diagnostic malformed(SchemaError error) {
        String help = hints.ownMessage(error)
                .or(() -> hints.example(error).map(example -> "for example: " + example))
                .orElse("see `mailform schema` for the expected form");
        return diagnostic(Code.SCHEMA_PATTERN, valueSpan(error), prefix(error) + Wording.value(value(error))
                + " is not a valid " + hints.noun(error), help);
    }

    private Diagnostic outOfRange(SchemaError error) {
        JsonNode limit = schema.at(error.subschemaPointer()).get(error.keyword());
        String problem = switch (error.keyword()) {
            case "minimum" -> " is too small; the smallest allowed value is " + limit;
            case "maximum" -> " is too large; the largest allowed value is " + limit;
            case "exclusiveMinimum" -> " is too small; it must be greater than " + limit;
            default -> " is too large; it must be less than " + limit;
        };
        return diagnostic(Code.SCHEMA_RANGE, valueSpan(error), prefix(error) + Wording.value(value(error)) + problem,
                hints.ownMessage(error).or(() -> hints.example(error).map(example -> "for example: " + example))
                        .orElse("use a value in range"));
    }

    private Diagnostic wrongSize(SchemaError error) {
        int limit = schema.at(error.subschemaPointer()).get(error.keyword()).asInt();
        JsonNode value = value(error);
        String problem = switch (error.keyword()) {
            case "minLength" -> Wording.value(value) + " is too short; it needs at least " + count(limit, "character");
            case "maxLength" -> Wording.value(value) + " is too long; at most " + count(limit, "character")
                    + " are allowed";
            case "minItems" -> (value.isEmpty() ? "the list is empty" : "the list has " + count(value.size(), "item"))
                    + "; it needs at least " + count(limit, "item");
            case "maxItems" -> "the list has " + count(value.size(), "item") + "; at most " + limit + " are allowed";
            case "minProperties" -> "the mapping has " + count(value.size(), "key") + "; it needs at least " + limit;
            default -> "the mapping has " + count(value.size(), "key") + "; at most " + limit + " are allowed";
        };
        String help = hints.ownMessage(error).or(() -> hints.example(error).map(example -> "for example: " + example))
                .orElse(error.keyword().startsWith("min") ? "add to it, or remove the key" : "shorten it");
        return diagnostic(Code.SCHEMA_RANGE, valueSpan(error), prefix(error) + problem, help);
    }

    private Diagnostic repeated(SchemaError error) {
        JsonNode list = value(error);
        for (int later = 1; list.isArray() && later < list.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                if (list.get(later).equals(list.get(earlier))) {
                    Span first = sourceMap.valueSpan(Pointers.child(error.instancePointer(), earlier));
                    JsonNode item = list.get(later);
                    String what = item.isContainer() ? "the same " + (item.isObject() ? "mapping" : "list")
                            : Wording.value(item);
                    return diagnostic(Code.SCHEMA_UNIQUE,
                            sourceMap.valueSpan(Pointers.child(error.instancePointer(), later)),
                            prefix(error) + what + " is listed twice (first at line " + first.start().line() + ")",
                            hints.ownMessage(error).orElse("remove one of them"));
                }
            }
        }
        return diagnostic(Code.SCHEMA_UNIQUE, valueSpan(error), prefix(error) + "an item is listed twice",
                "remove one of them");
    }

    private Diagnostic choice(SchemaError error) {
        JsonNode holder = schema.at(error.subschemaPointer());
        List<JsonNode> branches = new ArrayList<>();
        schema.at(error.schemaPointer()).values().forEach(branches::add);
        List<String> forms = branches.stream().map(schema::title).flatMap(Optional::stream).map(Wording::noun).toList();
        Optional<String> custom = schema.message(holder, error.keyword());
        JsonNode value = value(error);
        if (error.validBranches() > 1) {
            return diagnostic(Code.SCHEMA_CHOICE, valueSpan(error), prefix(error)
                    + "matches more than one of the allowed forms" + listed(forms),
                    custom.orElse("keep the keys of one form only"));
        }
        Set<String> accepted = new LinkedHashSet<>();
        boolean everyBranchTyped = true;
        for (JsonNode branch : branches) {
            List<String> types = schema.types(branch);
            everyBranchTyped &= !types.isEmpty();
            accepted.addAll(types);
        }
        if (everyBranchTyped && !accepts(accepted, value)) {
            String message = prefix(error, "the top level") + "expected " + Wording.types(List.copyOf(accepted))
                    + ", found " + Wording.value(value);
            return diagnostic(Code.SCHEMA_CHOICE, valueSpan(error), message,
                    hints.example(error).map(example -> "for example: " + example).or(() -> custom)
                            .orElse("see `mailform schema` for the expected form"));
        }
        String problem = value != null && value.isValueNode()
                ? Wording.value(value) + " is not a valid " + hints.noun(error)
                : "matches none of the allowed forms" + listed(forms);
        return diagnostic(Code.SCHEMA_CHOICE, valueSpan(error), prefix(error) + problem,
                custom.orElse(forms.isEmpty() ? "see `mailform schema` for the allowed forms"
                        : "write " + Wording.either(forms)));
    }

    private Diagnostic condition(SchemaError error) {
        String help = hints.ownMessage(error).orElse("see `mailform schema` for what this key allows");
        String problem = error.keyword().equals("not") ? Wording.value(value(error)) + " is not allowed here"
                : "the keys given here do not fit together" + hints.conditionOf(error).map(c -> " " + c).orElse("");
        return diagnostic(Code.SCHEMA_CONDITION, valueSpan(error), prefix(error) + problem, help);
    }

    private Diagnostic other(SchemaError error) {
        return diagnostic(Code.SCHEMA_OTHER, valueSpan(error), prefix(error) + Wording.value(value(error))
                + " breaks the schema rule \"" + error.keyword() + "\"", "see `mailform schema` for the allowed form");
    }

    private Diagnostic optIn(SchemaError error, OptInGuard guard) {
        JsonNode value = value(error);
        String subject = Wording.value(value) + (value.asString().startsWith(guard.prefix()) ? " " : " has a target that ");
        return diagnostic(Code.ALIAS_TARGET_NOT_ALLOWED, valueSpan(error),
                prefix(error) + subject + guard.effect() + ", which needs an explicit opt-in",
                "add \"" + guard.kind() + "\" to allow_alias_targets " + guard.condition()
                        + "; otherwise write a user name or an address");
    }

    private static boolean accepts(Set<String> types, JsonNode value) {
        if (value == null || value.isNull()) {
            return types.contains("null");
        }
        return value.isString() && types.contains("string")
                || value.isBoolean() && types.contains("boolean")
                || value.isObject() && types.contains("object")
                || value.isArray() && types.contains("array")
                || value.isNumber() && (types.contains("number")
                        || types.contains("integer") && value.canConvertToExactIntegral());
    }

    private JsonNode value(SchemaError error) {
        return document.at(error.instancePointer());
    }

    private Span valueSpan(SchemaError error) {
        return sourceMap.valueSpan(error.instancePointer());
    }

    private String where(SchemaError error) {
        return Wording.path(error.instancePointer(), document);
    }

    private String prefix(SchemaError error) {
        String where = where(error);
        return where.isEmpty() ? "" : where + ": ";
    }

    private String prefix(SchemaError error, String atRoot) {
        String where = where(error);
        return (where.isEmpty() ? atRoot : where) + ": ";
    }

    private static String listed(List<String> forms) {
        return forms.isEmpty() ? "" : " (" + String.join(", ", forms) + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private Diagnostic diagnostic(Code code, Span span, String message, String help) {
        return Diagnostic.of(code, file, span, message, help);
    }
}
