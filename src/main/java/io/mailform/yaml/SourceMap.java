package io.mailform.yaml;

import io.mailform.source.Position;
import io.mailform.source.Span;
import java.util.Map;
import java.util.Optional;

/**
 * Where each node of the document stands in the file, by JSON Pointer ({@code /relay/host}, {@code /networks/2}).
 * Later stages address nodes by pointer, so positions stay here instead of riding along in the model.
 */
public final class SourceMap {
    private final Map<String, Span> values;
    private final Map<String, Span> keys;

    public SourceMap(Map<String, Span> values, Map<String, Span> keys) {
        this.values = Map.copyOf(values);
        this.keys = Map.copyOf(keys);
    }

    public static SourceMap empty() {
        return new SourceMap(Map.of(), Map.of());
    }

    /** The value at the pointer, or else its nearest ancestor that exists (a default has no node of its own). */
    public Span valueSpan(String pointer) {
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
        return Optional.ofNullable(keys.get(pointer)).orElseGet(() -> valueSpan(pointer));
    }

    public boolean contains(String pointer) {
        return values.containsKey(pointer);
    }
}
