package io.mailform.yaml;

import java.util.ArrayList;
import java.util.List;

/** JSON Pointer (RFC 6901) paths as plain strings: {@code ""} is the document, {@code /aliases/a~1b} a key "a/b". */
public final class Pointers {
    private Pointers() {
    }

    public static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    /** Builds a pointer from unescaped segments: {@code of("routes", "example.com")}. */
    public static String of(Object... segments) {
        String pointer = "";
        for (Object segment : segments) {
            pointer = segment instanceof Integer index ? child(pointer, index) : child(pointer, segment.toString());
        }
        return pointer;
    }

    public static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /** The list index a segment names in the decimal form {@link #child(String, int)} writes, or -1. */
    public static int index(String segment) {
        if (segment.isEmpty() || segment.length() > 9 || segment.length() > 1 && segment.charAt(0) == '0') {
            return -1;
        }
        int index = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    public static List<String> segments(String pointer) {
        List<String> segments = new ArrayList<>();
        if (pointer.isEmpty()) {
            return segments;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }
}
