package io.mailform.yaml;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostics;
import io.mailform.source.SourceFile;
import io.mailform.source.Span;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a composed YAML node graph into a JSON tree for schema validation, recording each node's span by
 * pointer. Aliases are expanded here, so the expansion is bounded by the node limit (alias bombs) and the depth
 * limit (self-referencing anchors).
 */
final class TreeConverter {
    private static final Set<Tag> ACCEPTED_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP,
            Tag.SEQ);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SourceFile source;
    private final Limits limits;
    private final Diagnostics diagnostics;
    private final Map<String, Span> valueSpans = new HashMap<>();
    private final Map<String, Span> keySpans = new HashMap<>();
    private int nodes;
    private boolean tooLarge;

    TreeConverter(SourceFile source, Limits limits, Diagnostics diagnostics) {
        this.source = source;
        this.limits = limits;
        this.diagnostics = diagnostics;
    }

    Optional<JsonNode> convert(Node root) {
        JsonNode document = convert(root, "", 0);
        return Optional.ofNullable(document);
    }

    SourceMap sourceMap() {
        return new SourceMap(valueSpans, keySpans);
    }

    private JsonNode convert(Node node, String pointer, int depth) {
        if (tooLarge) {
            return null;
        }
        Span span = spanOf(node);
        if (++nodes > limits.maxNodes() || depth > limits.maxDepth()) {
            tooLarge = true;
            diagnostics.report(Code.YAML_ALIAS_LIMIT, span,
                    "anchors and aliases expand this document beyond " + limits.maxNodes() + " nodes or "
                            + limits.maxDepth() + " levels",
                    "write the values out instead of nesting aliases, and never refer to an anchor from inside it");
            return null;
        }
        valueSpans.putIfAbsent(pointer, span);
        if (!ACCEPTED_TAGS.contains(node.getTag())) {
            diagnostics.report(Code.YAML_UNSUPPORTED_TAG, span,
                    "the tag " + node.getTag() + " is not accepted here",
                    "remove the tag; mailform reads plain YAML 1.2 values only");
            return null;
        }
        if (node instanceof MappingNode mapping) {
            return convertMapping(mapping, pointer, depth);
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            int index = 0;
            for (Node item : sequence.getValue()) {
                JsonNode converted = convert(item, Pointers.child(pointer, index++), depth + 1);
                array.add(converted == null ? JSON.nullNode() : converted);
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private JsonNode convertMapping(MappingNode mapping, String pointer, int depth) {
        ObjectNode object = JSON.objectNode();
        Map<String, Span> seen = new HashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
                diagnostics.report(Code.YAML_COMPLEX_KEY, spanOf(entry.getKeyNode()),
                        "a mapping key must be a plain name, not a list or mapping",
                        "write the key as a single word or quoted string");
                continue;
            }
            String key = keyNode.getValue();
            Span keySpan = spanOf(keyNode);
            Span earlier = seen.putIfAbsent(key, keySpan);
            if (earlier != null) {
                diagnostics.report(Code.YAML_DUPLICATE_KEY, keySpan,
                        "the key \"" + key + "\" appears twice in this mapping (first at line " + earlier.start().line()
                                + ", column " + earlier.start().column() + ")",
                        "remove one of the two entries; YAML does not merge them");
                continue;
            }
            String childPointer = Pointers.child(pointer, key);
            keySpans.put(childPointer, keySpan);
            JsonNode value = convert(entry.getValueNode(), childPointer, depth + 1);
            object.set(key, value == null ? JSON.nullNode() : value);
        }
        return object;
    }

    private JsonNode scalar(ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return JSON.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return JSON.booleanNode(Boolean.parseBoolean(text.toLowerCase()));
        }
        if (tag.equals(Tag.INT)) {
            return integer(text).<JsonNode>map(JSON::numberNode).orElseGet(() -> JSON.stringNode(text));
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return JSON.numberNode(new BigDecimal(text));
            } catch (NumberFormatException special) {
                return JSON.stringNode(text); // .inf and .nan: left to the schema to refuse as a string
            }
        }
        return JSON.stringNode(text);
    }

    /** YAML 1.2 core integers: decimal, 0o octal, 0x hexadecimal, with an optional sign for decimal. */
    private static Optional<BigInteger> integer(String text) {
        try {
            if (text.startsWith("0x")) {
                return Optional.of(new BigInteger(text.substring(2), 16));
            }
            if (text.startsWith("0o")) {
                return Optional.of(new BigInteger(text.substring(2), 8));
            }
            return Optional.of(new BigInteger(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Span spanOf(Node node) {
        var start = node.getStartMark();
        if (start.isEmpty()) {
            return source.spanOf(0, 0);
        }
        return Marks.span(source, start.get(), node.getEndMark().orElse(start.get()));
    }
}
