package io.mailform.yaml;

import io.mailform.source.Position;
import io.mailform.source.SourceFile;
import io.mailform.source.Span;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where each node of the document stands in the file, by JSON Pointer ({@code /relay/host}, {@code /networks/2}).
 * Later stages address nodes by pointer, so positions stay here instead of riding along in the model.
 *
 * <p>The reader's map is compact, since a large description has a million nodes and only a few of them are ever
 * looked up: a node is its parent's number and its key (the string the JSON tree holds too) or index, plus the
 * line and column of its marks; pointers and spans are made only when a later stage asks for one.
 */
public final class SourceMap {
    private static final SourceMap EMPTY = new SourceMap(Map.of(), Map.of());

    private final Map<String, Span> values;
    private final Map<String, Span> keys;
    private final Nodes nodes;
    /** For a view of a cut-down document: the file's map, and the file pointer of each node (null: left out). */
    private final SourceMap file;
    private final UnaryOperator<String> toFile;

    public SourceMap(Map<String, Span> values, Map<String, Span> keys) {
        this.values = Map.copyOf(values);
        this.keys = Map.copyOf(keys);
        this.nodes = null;
        this.file = null;
        this.toFile = null;
    }

    private SourceMap(Nodes nodes) {
        this.values = null;
        this.keys = null;
        this.nodes = nodes;
        this.file = null;
        this.toFile = null;
    }

    private SourceMap(SourceMap file, UnaryOperator<String> toFile) {
        this.values = null;
        this.keys = null;
        this.nodes = null;
        this.file = file;
        this.toFile = toFile;
    }

    public static SourceMap empty() {
        return EMPTY;
    }

    /**
     * This map as seen from a document cut down from the file's, with some nodes left out and the items of a list
     * renumbered: {@code toFile} gives the pointer in the file of each node of that document, or null for a node
     * that was left out (and so for all below it). Such a node counts as not written; spans asked of it are its
     * nearest ancestor's that was kept.
     */
    public SourceMap viewedThrough(UnaryOperator<String> toFile) {
        return new SourceMap(this, toFile);
    }

    /** The value at the pointer, or else its nearest ancestor that exists (a default has no node of its own). */
    public Span valueSpan(String pointer) {
        if (file != null) {
            String kept = pointer;
            String inFile = toFile.apply(kept);
            while (inFile == null) {
                kept = Pointers.parent(kept);
                inFile = kept.isEmpty() ? "" : toFile.apply(kept);
            }
            return file.valueSpan(inFile);
        }
        if (nodes != null) {
            return nodes.valueSpan(pointer);
        }
        String current = pointer;
        while (true) {
            Span span = values.get(current);
            if (span != null) {
                return span;
            }
            if (current.isEmpty()) {
                return Span.at(Position.START);
            }
            current = Pointers.parent(current);
        }
    }

    /** The key of a mapping entry; for list items and the root, the value itself. */
    public Span keySpan(String pointer) {
        if (file != null) {
            String inFile = toFile.apply(pointer);
            return inFile == null ? valueSpan(pointer) : file.keySpan(inFile);
        }
        if (nodes != null) {
            return nodes.keySpan(pointer).orElseGet(() -> valueSpan(pointer));
        }
        return Optional.ofNullable(keys.get(pointer)).orElseGet(() -> valueSpan(pointer));
    }

    public boolean contains(String pointer) {
        if (file != null) {
            String inFile = toFile.apply(pointer);
            return inFile != null && file.contains(inFile);
        }
        if (nodes != null) {
            int node = nodes.find(pointer);
            return node >= 0 && nodes.hasValue(node);
        }
        return values.containsKey(pointer);
    }

    /**
     * Builds the reader's map node by node, in document order: {@link #add} a node under its parent, then give it
     * the marks of its value and, for a mapping entry, of its key. Marks are SnakeYAML's 0-based line and column.
     */
    static final class Builder {
        private final Nodes nodes;

        Builder(SourceFile source) {
            this.nodes = new Nodes(source);
        }

        /** The document itself; its number is 0. */
        int root() {
            return nodes.add(-1, null, -1);
        }

        int entry(int parent, String key) {
            return nodes.add(parent, key, -1);
        }

        int item(int parent, int index) {
            return nodes.add(parent, null, index);
        }

        void list(int node) {
            nodes.list(node);
        }

        void value(int node, int startLine, int startColumn, int endLine, int endColumn) {
            nodes.marks(node, Nodes.VALUE, startLine, startColumn, endLine, endColumn);
        }

        void key(int node, int startLine, int startColumn, int endLine, int endColumn) {
            nodes.marks(node, Nodes.KEY, startLine, startColumn, endLine, endColumn);
        }

        SourceMap build() {
            return new SourceMap(nodes.trim());
        }
    }

    /** The nodes as parallel arrays, with an open-addressing table from (parent, key or index) to the node. */
    private static final class Nodes {
        private static final int FIELDS = 4; // value: start and end offset; then the same for the key
        static final int VALUE = 0;
        static final int KEY = 2;
        private static final int NONE = Integer.MIN_VALUE;

        private final SourceFile source;
        private int count;
        private int[] parents = new int[64];
        private String[] keyNames = new String[64];
        private int[] indexes = new int[64];
        private boolean[] lists = new boolean[64];
        private int[] marks = new int[64 * FIELDS];
        private int[] table = new int[128]; // node + 1, 0 for a free slot

        Nodes(SourceFile source) {
            this.source = source;
        }

        int add(int parent, String key, int index) {
            if (count == parents.length) {
                int capacity = Math.max(64, count * 2);
                parents = java.util.Arrays.copyOf(parents, capacity);
                keyNames = java.util.Arrays.copyOf(keyNames, capacity);
                indexes = java.util.Arrays.copyOf(indexes, capacity);
                lists = java.util.Arrays.copyOf(lists, capacity);
                marks = java.util.Arrays.copyOf(marks, capacity * FIELDS);
            }
            int node = count++;
            parents[node] = parent;
            keyNames[node] = key;
            indexes[node] = index;
            java.util.Arrays.fill(marks, node * FIELDS, node * FIELDS + FIELDS, NONE);
            if (parent >= 0) {
                if (count * 2 > table.length) {
                    rehash(table.length * 2);
                }
                insert(node);
            }
            return node;
        }

        void list(int node) {
            lists[node] = true;
        }

        /** Marks are kept as character offsets, half the size of lines and columns; a mark before the text is -1. */
        void marks(int node, int field, int startLine, int startColumn, int endLine, int endColumn) {
            int at = node * FIELDS + field;
            marks[at] = startLine < 0 ? -1 : source.offsetAt(startLine + 1, startColumn + 1);
            marks[at + 1] = endLine < 0 ? -1 : source.offsetAt(endLine + 1, endColumn + 1);
        }

        /** The arrays cut to the nodes read: doubling left up to half of them empty, for as long as the map lives. */
        Nodes trim() {
            parents = java.util.Arrays.copyOf(parents, count);
            keyNames = java.util.Arrays.copyOf(keyNames, count);
            indexes = java.util.Arrays.copyOf(indexes, count);
            lists = java.util.Arrays.copyOf(lists, count);
            marks = java.util.Arrays.copyOf(marks, count * FIELDS);
            rehash(Integer.highestOneBit(Math.max(count, 32)) * 4);
            return this;
        }

        boolean hasValue(int node) {
            return marks[node * FIELDS + VALUE] != NONE;
        }

        Span valueSpan(String pointer) {
            if (count == 0) {
                return Span.at(Position.START);
            }
            int node = 0;
            // The nearest node with a value: a pointer past the written nodes (a default) resolves to its ancestor.
            int found = hasValue(0) ? 0 : -1;
            if (!pointer.isEmpty()) {
                for (String segment : Pointers.segments(pointer)) {
                    node = child(node, segment);
                    if (node < 0) {
                        break;
                    }
                    if (hasValue(node)) {
                        found = node;
                    } else {
                        break;
                    }
                }
            }
            return found < 0 ? Span.at(Position.START) : span(found, VALUE);
        }

        Optional<Span> keySpan(String pointer) {
            int node = find(pointer);
            return node < 0 || marks[node * FIELDS + KEY] == NONE ? Optional.empty() : Optional.of(span(node, KEY));
        }

        int find(String pointer) {
            if (count == 0) {
                return -1;
            }
            int node = 0;
            if (pointer.isEmpty()) {
                return node;
            }
            if (pointer.charAt(0) != '/') {
                return -1;
            }
            List<String> segments = Pointers.segments(pointer);
            for (String segment : segments) {
                node = child(node, segment);
                if (node < 0) {
                    return -1;
                }
            }
            return node;
        }

        private Span span(int node, int field) {
            int at = node * FIELDS + field;
            if (marks[at] == NONE || marks[at] < 0) {
                return source.spanOf(0, 0);
            }
            var from = source.positionAt(marks[at]);
            var to = source.positionAt(Math.max(0, marks[at + 1]));
            return to.offset() < from.offset() ? Span.at(from) : new Span(from, to);
        }

        private int child(int parent, String segment) {
            if (lists[parent]) {
                int index = Pointers.index(segment);
                if (index < 0) {
                    return -1;
                }
                for (int slot = slot(hash(parent, index)); table[slot] != 0; slot = (slot + 1) & (table.length - 1)) {
                    int node = table[slot] - 1;
                    if (parents[node] == parent && keyNames[node] == null && indexes[node] == index) {
                        return node;
                    }
                }
                return -1;
            }
            for (int slot = slot(hash(parent, segment)); table[slot] != 0; slot = (slot + 1) & (table.length - 1)) {
                int node = table[slot] - 1;
                if (parents[node] == parent && segment.equals(keyNames[node])) {
                    return node;
                }
            }
            return -1;
        }

        private void insert(int node) {
            int hash = keyNames[node] == null ? hash(parents[node], indexes[node]) : hash(parents[node], keyNames[node]);
            int slot = slot(hash);
            while (table[slot] != 0) {
                slot = (slot + 1) & (table.length - 1);
            }
            table[slot] = node + 1;
        }

        private void rehash(int capacity) {
            table = new int[capacity];
            for (int node = 1; node < count; node++) {
                if (parents[node] >= 0) {
                    insert(node);
                }
            }
        }

        private int slot(int hash) {
            int mixed = hash * 0x9E3779B9;
            return (mixed ^ (mixed >>> 16)) & (table.length - 1);
        }

        private static int hash(int parent, String key) {
            return parent * 31 + key.hashCode();
        }

        private static int hash(int parent, int index) {
            return parent * 31 + index * 0x61C88647 + 17;
        }
    }
}
