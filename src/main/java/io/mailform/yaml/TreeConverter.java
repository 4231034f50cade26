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
    static final Set<Tag> ACCEPTED_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP,
            Tag.SEQ);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SourceFile source;
    private final int maxNodes;
    private final int maxDepth;
    private final Diagnostics diagnostics;
    private final SourceMap.Builder sourceMap;
    private int nodes;
    private boolean tooLarge;

    TreeConverter(SourceFile source, int maxNodes, int maxDepth, Diagnostics diagnostics) {
        this.source = source;
        this.maxNodes = maxNodes;
        this.maxDepth = maxDepth;
        this.diagnostics = diagnostics;
        this.sourceMap = new SourceMap.Builder(source);
    }

    Optional<JsonNode> convert(Node root) {
        JsonNode document = convert(root, sourceMap.root(), 0);
        return Optional.ofNullable(document);
    }

    SourceMap sourceMap() {
        return sourceMap.build();
    }

    private JsonNode convert(Node node, int id, int depth) {
        if (tooLarge) {
            return null;
        }
        if (++nodes > maxNodes || depth > maxDepth) {
            tooLarge = true;
            diagnostics.report(Code.YAML_ALIAS_LIMIT, spanOf(node),
                    "anchors and aliases expand this document beyond " + maxNodes + " nodes or "
                            + maxDepth + " levels",
                    "write the values out instead of nesting aliases, and never refer to an anchor from inside it");
            return null;
        }
        mark(node, id, false);
        if (!ACCEPTED_TAGS.contains(node.getTag())) {
            diagnostics.report(Code.YAML_UNSUPPORTED_TAG, spanOf(node),
                    "the tag " + node.getTag() + " is not accepted here",
                    "remove the tag; mailform reads plain YAML 1.2 values only");
            return null;
        }
        if (node instanceof MappingNode mapping) {
            return convertMapping(mapping, id, depth);
        }
        if (node instanceof SequenceNode sequence) {
            sourceMap.list(id);
            ArrayNode array = JSON.arrayNode();
            int index = 0;
            for (Node item : sequence.getValue()) {
                JsonNode converted = convert(item, sourceMap.item(id, index++), depth + 1);
                array.add(converted == null ? JSON.nullNode() : converted);
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar(scalar.getTag(), scalar.getValue());
    }

    private JsonNode convertMapping(MappingNode mapping, int id, int depth) {
        ObjectNode object = JSON.objectNode();
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
                diagnostics.report(Code.YAML_COMPLEX_KEY, spanOf(entry.getKeyNode()),
                        "a mapping key must be a plain name, not a list or mapping",
                        "write the key as a single word or quoted string");
                continue;
            }
            String key = keyNode.getValue();
            Node first = seen.putIfAbsent(key, keyNode);
            if (first != null) {
                Span earlier = spanOf(first);
                diagnostics.report(Code.YAML_DUPLICATE_KEY, spanOf(keyNode),
                        "the key \"" + key + "\" appears twice in this mapping (first at line " + earlier.start().line()
                                + ", column " + earlier.start().column() + ")",
                        "remove one of the two entries; YAML does not merge them");
                continue;
            }
            int child = sourceMap.entry(id, key);
            mark(keyNode, child, true);
            JsonNode value = convert(entry.getValueNode(), child, depth + 1);
            object.set(key, value == null ? JSON.nullNode() : value);
        }
        return object;
    }

    /** 2^63: the first whole number a long cannot hold. */
    private static final BigDecimal OUTSIDE_LONG = new BigDecimal(BigInteger.ONE.shiftLeft(63));
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** A scalar of one of the accepted tags as JSON. */
    static JsonNode scalar(Tag tag, String text) {
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
                return floatNode(new BigDecimal(text));
            } catch (NumberFormatException special) {
                return JSON.stringNode(text); // .inf and .nan: left to the schema to refuse as a string
            }
        }
        return JSON.stringNode(text);
    }

    /**
     * A float as JSON. The schema validator compares a number with an integer bound through a 64-bit long, and fails
     * on a decimal beyond that range (port: 5e87), while it compares integers of any size exactly. So a whole number
     * is handed over as an integer (JSON Schema counts 1e6 as one anyway), and any number beyond the 64-bit range as
     * the first integer outside it on its side (2^63, or -2^63 - 1): no key takes such a number, and the exact digits of 1e999999999 are
     * not worth computing.
     */
    private static JsonNode floatNode(BigDecimal value) {
        if (value.compareTo(LONG_MAX) > 0 || value.compareTo(LONG_MAX.negate()) < 0) {
            return JSON.numberNode(value.signum() < 0 ? OUTSIDE_LONG.toBigInteger().negate().subtract(BigInteger.ONE)
                    : OUTSIDE_LONG.toBigInteger());
        }
        if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
            return JSON.numberNode(value.toBigIntegerExact());
        }
        return JSON.numberNode(value);
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

    /** Records the node's marks in the source map: the same numbers {@link #spanOf} turns into a span. */
    private void mark(Node node, int id, boolean key) {
        var start = node.getStartMark();
        int startLine = -1;
        int startColumn = -1;
        int endLine = -1;
        int endColumn = -1;
        if (start.isPresent()) {
            var end = node.getEndMark().orElse(start.get());
            startLine = start.get().getLine();
            startColumn = start.get().getColumn();
            endLine = end.getLine();
            endColumn = end.getColumn();
        }
        if (key) {
            sourceMap.key(id, startLine, startColumn, endLine, endColumn);
        } else {
            sourceMap.value(id, startLine, startColumn, endLine, endColumn);
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
