package io.mailform.sync;

import io.mailform.yaml.Pointers;
import java.util.List;

/** YAML keys as a person writes them: {@code /relay/auth} as {@code relay.auth}. */
final class Keys {
    private Keys() {
    }

    static String readable(String pointer) {
        List<String> segments = Pointers.segments(pointer);
        return segments.isEmpty() ? "the description" : String.join(".", segments);
    }

    /** A value as a message quotes it; an empty one is named, since "" is easy to miss. */
    static String quoted(String value) {
        return value.isEmpty() ? "nothing" : "\"" + value + "\"";
    }
}
