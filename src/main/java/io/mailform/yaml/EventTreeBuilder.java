package io.mailform.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reader's common case in one pass over the parser's events: the structure check, the JSON tree and the source
 * map together, without SnakeYAML's node graph and without parsing the text a second time. It takes only documents
 * about which the composer and {@link TreeConverter} would have nothing to say: no anchors, aliases, tags, merge
 * keys, complex or duplicate keys (without aliases, no node limit can be reached either). On anything else it gives up ({@link
 * Outcome#FALLBACK}) having reported nothing, and the reader takes the composer's way, which reports it.
 */
final class EventTreeBuilder {
    enum Outcome { BUILT, EMPTY, REFUSED, FALLBACK }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** An open collection: its node number, its JSON, and for a mapping the key whose value comes next. */
    private static final class Open {
        final int id;
        final ObjectNode object;
        final ArrayNode array;
        final Optional<Mark> start;
        int index;
        String key;
        ScalarEvent keyEvent;

        Open(int id, ObjectNode object, ArrayNode array, Optional<Mark> start) {
            this.id = id;
            this.object = object;
            this.array = array;
            this.start = start;
        }
    }

    private final StructureCheck structure;
    private final ScalarResolver resolver;
    private final SourceMap.Builder sourceMap;
    private final Deque<Open> open = new ArrayDeque<>();
    private JsonNode document;

    EventTreeBuilder(io.mailform.source.SourceFile source, StructureCheck structure,
            ScalarResolver resolver) {
        this.structure = structure;
        this.resolver = resolver;
        this.sourceMap = new SourceMap.Builder(source);
    }

    Outcome build(Iterable<Event> events) {
        for (Event event : events) {
            if (!structure.accepts(event)) {
                return Outcome.REFUSED;
            }
            boolean fine = switch (event.getEventId()) {
                case Alias -> false;
                case Scalar -> scalar((ScalarEvent) event);
                case MappingStart, SequenceStart -> start((CollectionStartEvent) event);
                case MappingEnd, SequenceEnd -> end(event);
                default -> true;
            };
            if (!fine) {
                return Outcome.FALLBACK;
            }
        }
        return document == null ? Outcome.EMPTY : Outcome.BUILT;
    }

    JsonNode document() {
        return document;
    }

    SourceMap sourceMap() {
        return sourceMap.build();
    }

    private boolean scalar(ScalarEvent event) {
        if (plainNode(event)) {
            return false;
        }
        Open parent = open.peek();
        if (parent != null && parent.object != null && parent.key == null) {
            String key = event.getValue();
            if (key.equals("<<") || parent.object.has(key)) {
                return false; // a merge key, or a duplicate: the composer's way reports or handles it
            }
            parent.key = key;
            parent.keyEvent = event;
            return true;
        }
        Tag tag = resolver.resolve(event.getValue(), event.getImplicit().canOmitTagInPlainScalar());
        if (!TreeConverter.ACCEPTED_TAGS.contains(tag)) {
            return false;
        }
        int id = place(parent);
        mark(id, event.getStartMark(), event.getEndMark(), false);
        attach(parent, TreeConverter.scalar(tag, event.getValue()));
        return true;
    }

    private boolean start(CollectionStartEvent event) {
        if (plainNode(event)) {
            return false;
        }
        Open parent = open.peek();
        if (parent != null && parent.object != null && parent.key == null) {
            return false; // a collection as a key
        }
        int id = place(parent);
        if (event.getEventId() == Event.ID.SequenceStart) {
            sourceMap.list(id);
            open.push(new Open(id, null, JSON.arrayNode(), event.getStartMark()));
        } else {
            open.push(new Open(id, JSON.objectNode(), null, event.getStartMark()));
        }
        return true;
    }

    private boolean end(Event event) {
        Open closed = open.pop();
        mark(closed.id, closed.start, event.getEndMark(), false);
        attach(open.peek(), closed.object != null ? closed.object : closed.array);
        return true;
    }

    /** No anchor and no explicit tag ("!" is none). */
    private static boolean plainNode(NodeEvent event) {
        if (event.getAnchor().isPresent()) {
            return true;
        }
        Optional<String> tag = event instanceof ScalarEvent scalar ? scalar.getTag()
                : ((CollectionStartEvent) event).getTag();
        return tag.isPresent() && !tag.get().equals("!");
    }

    /** The node number of the value that starts now, with its key's marks for a mapping entry. */
    private int place(Open parent) {
        if (parent == null) {
            return sourceMap.root();
        }
        if (parent.object != null) {
            int id = sourceMap.entry(parent.id, parent.key);
            mark(id, parent.keyEvent.getStartMark(), parent.keyEvent.getEndMark(), true);
            return id;
        }
        return sourceMap.item(parent.id, parent.index++);
    }

    private void attach(Open parent, JsonNode value) {
        if (parent == null) {
            document = value;
        } else if (parent.object != null) {
            parent.object.set(parent.key, value);
            parent.key = null;
            parent.keyEvent = null;
        } else {
            parent.array.add(value);
        }
    }

    /** The same numbers as TreeConverter records from the composed node: a missing end is the start. */
    private void mark(int id, Optional<Mark> start, Optional<Mark> end, boolean key) {
        int startLine = -1;
        int startColumn = -1;
        int endLine = -1;
        int endColumn = -1;
        if (start.isPresent()) {
            Mark last = end.orElse(start.get());
            startLine = start.get().getLine();
            startColumn = start.get().getColumn();
            endLine = last.getLine();
            endColumn = last.getColumn();
        }
        if (key) {
            sourceMap.key(id, startLine, startColumn, endLine, endColumn);
        } else {
            sourceMap.value(id, startLine, startColumn, endLine, endColumn);
        }
    }
}
