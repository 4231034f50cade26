package io.mailform.prune;

import io.mailform.bind.Binder;
import io.mailform.diag.Suggestions;
import io.mailform.model.Coverage;
import io.mailform.model.Mode;
import io.mailform.model.Part;
import io.mailform.schema.SchemaFailure;
import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The units left out of one description so far, and the document that remains. A unit is the smallest part that
 * holds a failure and can go without changing what the rest means: one entry of a collection whose entries stand
 * alone ({@link Part#hasEntries}), otherwise a whole top-level key. Pointers are in the file's numbering; the
 * remaining lists are renumbered, and {@link #toFile} maps back.
 */
final class Cut {
    /** What leaving out one failure's unit did. */
    enum Step { NEW, KNOWN, HOPELESS }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JsonNode file;
    /** Top-level keys left out whole: removed, or missing though required. */
    private final Set<String> keys = new LinkedHashSet<>();
    /** Top-level keys the schema does not know, removed. */
    private final Set<String> unknownKeys = new LinkedHashSet<>();
    /** For mappings of independent entries: the names of the entries left out. */
    private final Map<String, Set<String>> entries = new HashMap<>();
    /** For lists of independent items: the file indexes of the items left out. */
    private final Map<String, Set<Integer>> items = new HashMap<>();
    /** For each thinned list: the file index of every item kept, by its index in the rest. */
    private final Map<String, int[]> kept = new HashMap<>();
    private ObjectNode rest;

    Cut(JsonNode file) {
        this.file = file;
    }

    /** Leaves out the unit of each failure; false if a failure has no unit short of the whole file, or none is new. */
    boolean leaveOutAll(List<SchemaFailure> failures, boolean pointersInRest) {
        boolean grown = false;
        for (SchemaFailure failure : failures) {
            String pointer = pointersInRest ? toFile(failure.pointer()) : failure.pointer();
            Step step = pointer == null ? Step.HOPELESS : leaveOut(failure, pointer);
            if (step == Step.HOPELESS) {
                return false;
            }
            grown |= step == Step.NEW;
        }
        return grown;
    }

    private Step leaveOut(SchemaFailure failure, String pointer) {
        List<String> segments = Pointers.segments(pointer);
        if (segments.isEmpty()) {
            if (failure.isMissingKey()) {
                return added(keys.add(failure.property().get()));
            }
            if (failure.isRefusedKey()) {
                return added(unknownKeys.add(failure.property().get()));
            }
            return Step.HOPELESS; // the document itself is of the wrong kind
        }
        String key = segments.get(0);
        Part part = Part.ofKey(key).orElse(null);
        if (part == null) {
            return added(unknownKeys.add(key));
        }
        if (keys.contains(key)) {
            return Step.KNOWN;
        }
        String entry = segments.size() > 1 ? segments.get(1)
                : failure.isRefusedKey() ? failure.property().get() : null;
        if (!part.hasEntries() || entry == null) {
            return added(keys.add(key));
        }
        JsonNode value = file.get(key);
        if (value == null) {
            return added(keys.add(key));
        }
        if (value.isArray()) {
            int index = Pointers.index(entry);
            return index < 0 ? added(keys.add(key)) : added(items.computeIfAbsent(key, k -> new TreeSet<>()).add(index));
        }
        if (value.isObject()) {
            return added(entries.computeIfAbsent(key, k -> new TreeSet<>()).add(entry));
        }
        return added(keys.add(key));
    }

    private static Step added(boolean isNew) {
        return isNew ? Step.NEW : Step.KNOWN;
    }

    /** A failure that only repeats that a required key left out is missing. */
    boolean accountsFor(SchemaFailure failure) {
        return failure.pointer().isEmpty() && failure.isMissingKey() && keys.contains(failure.property().get());
    }

    /** The file without the units left out; the nodes are the file's, shared, not copied. */
    ObjectNode rest() {
        ObjectNode rest = JSON.objectNode();
        kept.clear();
        for (Map.Entry<String, JsonNode> property : file.properties()) {
            String key = property.getKey();
            JsonNode value = property.getValue();
            if (keys.contains(key) || unknownKeys.contains(key)) {
                continue;
            }
            if (entries.containsKey(key)) {
                ObjectNode thinned = JSON.objectNode();
                Set<String> out = entries.get(key);
                value.properties().stream().filter(entry -> !out.contains(entry.getKey()))
                        .forEach(entry -> thinned.set(entry.getKey(), entry.getValue()));
                value = thinned;
            } else if (items.containsKey(key)) {
                ArrayNode thinned = JSON.arrayNode();
                Set<Integer> out = items.get(key);
                List<Integer> indexes = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    if (!out.contains(i)) {
                        thinned.add(value.get(i));
                        indexes.add(i);
                    }
                }
                kept.put(key, indexes.stream().mapToInt(Integer::intValue).toArray());
                value = thinned;
            }
            rest.set(key, value);
        }
        this.rest = rest;
        return rest;
    }

    /**
     * The pointer in the file of a node of the rest, or null for a node left out. An index past the kept items of
     * a list maps past the file's items too, so that it names no node there either.
     */
    String toFile(String pointer) {
        if (pointer.isEmpty()) {
            return pointer;
        }
        List<String> segments = Pointers.segments(pointer);
        String key = segments.get(0);
        if (keys.contains(key) || unknownKeys.contains(key)) {
            return null;
        }
        if (segments.size() == 1) {
            return pointer;
        }
        String entry = segments.get(1);
        if (entries.getOrDefault(key, Set.of()).contains(entry)) {
            return null;
        }
        int[] keptItems = kept.get(key);
        int index = Pointers.index(entry);
        if (keptItems == null || index < 0) {
            return pointer;
        }
        int inFile = index < keptItems.length ? keptItems[index] : file.get(key).size() + index - keptItems.length;
        int second = pointer.indexOf('/', 1);
        int third = pointer.indexOf('/', second + 1);
        return pointer.substring(0, second + 1) + inFile + (third < 0 ? "" : pointer.substring(third));
    }

    /**
     * The rest as the binder takes it. The binder needs a mode: a mode left out is bound as none, which derives
     * no destinations, and is marked left out, so that no rule reads it or a default derived from it.
     */
    Pruned pruned() {
        Coverage coverage = coverage();
        if (coverage.isLeftOut(Part.MODE)) {
            rest.put(Part.MODE.key(), Mode.NONE.key());
        }
        return new Pruned(rest, coverage, this::toFile);
    }

    /**
     * The parts left out: each key left out, and what an unknown key may have been meant as (every known key it
     * resembles as closely as a did-you-mean would, or every key not written when it resembles none); each default
     * derived from a part left out. The collections some entries were left out of are thinned.
     */
    private Coverage coverage() {
        EnumSet<Part> leftOut = EnumSet.noneOf(Part.class);
        keys.forEach(key -> Part.ofKey(key).ifPresent(leftOut::add));
        for (String unknown : unknownKeys) {
            List<Part> resembled = Arrays.stream(Part.values())
                    .filter(part -> Suggestions.closest(unknown, List.of(part.key())).isPresent()).toList();
            if (resembled.isEmpty()) {
                Arrays.stream(Part.values()).filter(part -> !file.has(part.key())).forEach(leftOut::add);
            }
            leftOut.addAll(resembled);
        }
        for (Part part : Part.values()) {
            if (!rest.has(part.key()) && Binder.defaultDerivedFrom(part).stream().anyMatch(leftOut::contains)) {
                leftOut.add(part);
            }
        }
        EnumSet<Part> thinned = EnumSet.noneOf(Part.class);
        entries.keySet().forEach(key -> thinned.add(Part.ofKey(key).orElseThrow()));
        items.keySet().forEach(key -> thinned.add(Part.ofKey(key).orElseThrow()));
        return new Coverage(leftOut, thinned);
    }
}
