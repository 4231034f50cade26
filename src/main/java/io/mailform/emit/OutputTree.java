package io.mailform.emit;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Generated files by relative path ({@code postfix/main.cf}), sorted, so that writing them is deterministic. */
public record OutputTree(SortedMap<String, OutputFile> files) {
    public OutputTree {
        for (String path : files.keySet()) {
            if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
                throw new IllegalArgumentException("not a relative output path: " + path);
            }
        }
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static OutputTree empty() {
        return new OutputTree(new TreeMap<>());
    }

    /** This tree with every path placed under {@code directory}. */
    public OutputTree under(String directory) {
        TreeMap<String, OutputFile> moved = new TreeMap<>();
        files.forEach((path, file) -> moved.put(directory + "/" + path, file));
        return new OutputTree(moved);
    }

    /** Both trees; a path in both is a programming error. */
    public OutputTree merge(OutputTree other) {
        TreeMap<String, OutputFile> merged = new TreeMap<>(files);
        for (Map.Entry<String, OutputFile> entry : other.files.entrySet()) {
            if (merged.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
                throw new IllegalArgumentException("two emitters wrote " + entry.getKey());
            }
        }
        return new OutputTree(merged);
    }
}
