package io.mailform.schema;

import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/** How schema errors name things for people: key paths, values, types and examples as they look in the YAML. */
final class Wording {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    /** Strings that YAML writes without quotes and reads back as the same string. */
    private static final Pattern PLAIN_SCALAR = Pattern.compile("[A-Za-z/$][A-Za-z0-9._/@:+$-]*[A-Za-z0-9._/@+$-]|[A-Za-z]");
    private static final List<String> YAML_WORDS = List.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");
    private static final int LONGEST_VALUE = 60;
    private static final Map<String, String> TYPE_NAMES = Map.of(
            "string", "text",
            "integer", "a whole number",
            "number", "a number",
            "boolean", "true or false",
            "object", "a mapping",
            "array", "a list",
            "null", "nothing");

    private Wording() {
    }

    /**
     * {@code relay.auth.username}, {@code aliases.team[1]}, {@code routes["example.com"].host}; "" for the document.
     * The document tells list indexes from keys that happen to be digits.
     */
    static String path(String pointer, JsonNode document) {
        StringBuilder path = new StringBuilder();
        JsonNode node = document;
        for (String segment : Pointers.segments(pointer)) {
            if (node != null && node.isArray()) {
                path.append('[').append(segment).append(']');
                node = node.get(Integer.parseInt(segment));
                continue;
            }
            if (PLAIN_KEY.matcher(segment).matches()) {
                path.append(path.length() == 0 ? "" : ".").append(segment);
            } else {
                path.append('[').append(quote(segment)).append(']');
            }
            node = node == null ? null : node.get(segment);
        }
        return path.toString();
    }

    /** A value as the message shows it: strings quoted with escapes, so that a line break is visible as \n. */
    static String value(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "an empty value";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isString()) {
            String text = node.stringValue();
            if (text.codePointCount(0, text.length()) > LONGEST_VALUE) {
                text = text.substring(0, text.offsetByCodePoints(0, LONGEST_VALUE - 3)) + "...";
            }
            return quote(text);
        }
        if (node.isNumber() && !node.canConvertToLong()) {
            // The reader hands every number beyond the range over as 2^63 (TreeConverter): its digits are not the
            // user's, and a literal of thousands of digits is no message.
            return "a number beyond the 64-bit range";
        }
        return node.toString();
    }

    /**
     * Text from the document in double quotes with JSON escapes, so that every character is visible and none can
     * act on a terminal: C0 controls by JSON's rules, DEL, C1 controls and line separators by ours.
     */
    static String quote(String text) {
        String json = StringNode.valueOf(text).toString();
        StringBuilder quoted = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c >= 0x7F && c <= 0x9F || c == '\u2028' || c == '\u2029') {
                quoted.append(String.format("\\u%04X", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.toString();
    }

    static String typeName(String type) {
        return TYPE_NAMES.getOrDefault(type, type);
    }

    static String types(List<String> types) {
        if (types.size() > 1) {
            // "text, a whole number or true or false" would read as four choices
            return either(types.stream().map(type -> type.equals("boolean") ? "a boolean" : typeName(type)).toList());
        }
        return either(types.stream().map(Wording::typeName).toList());
    }

    /** "a", "a or b", "a, b or c". */
    static String either(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    /** A title used inside a sentence: "Domain name" becomes "domain name", "IP address" stays. */
    static String noun(String title) {
        if (title.length() > 1 && Character.isUpperCase(title.charAt(0)) && Character.isLowerCase(title.charAt(1))) {
            return Character.toLowerCase(title.charAt(0)) + title.substring(1);
        }
        return title;
    }

    /** A value as YAML would take it back, in flow style: plain scalars where that is safe, else quoted. */
    static String yaml(JsonNode node) {
        if (node.isObject()) {
            List<String> entries = new ArrayList<>();
            node.properties().forEach(entry -> entries.add(key(entry.getKey()) + ": " + yaml(entry.getValue())));
            return "{" + String.join(", ", entries) + "}";
        }
        if (node.isArray()) {
            return "[" + String.join(", ", node.values().stream().map(Wording::yaml).toList()) + "]";
        }
        if (node.isString()) {
            String text = node.stringValue();
            boolean plain = PLAIN_SCALAR.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase());
            return plain ? text : quote(text);
        }
        return node.toString();
    }

    private static String key(String key) {
        return PLAIN_KEY.matcher(key).matches() ? key : quote(key);
    }

    /** "key: value" for a mapping entry, or the value alone for a list item or the document. */
    static String entry(String key, JsonNode value) {
        return key.isEmpty() ? yaml(value) : key(key) + ": " + yaml(value);
    }
}
