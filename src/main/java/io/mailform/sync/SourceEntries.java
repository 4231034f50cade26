package io.mailform.sync;

import io.mailform.postfix.CaseFold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the entries of an aliases file ({@code name: targets}) or of a lookup table ({@code key value}) by key,
 * case-folded and first one kept, as postalias and postmap build them. Alias targets are compared as the list
 * local(8) expands: separated by commas and whitespace, a double-quoted target kept whole.
 */
final class SourceEntries {
    private SourceEntries() {
    }

    static Map<String, SourceEntry> aliases(String text) {
        Map<String, SourceEntry> entries = new LinkedHashMap<>();
        for (String line : LogicalLines.of(text)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue; // postalias skips it too ("need name:value pair")
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            entries.putIfAbsent(fold(name), new SourceEntry(name, value, targets(value)));
        }
        return entries;
    }

    static Map<String, SourceEntry> table(String text) {
        Map<String, SourceEntry> entries = new LinkedHashMap<>();
        for (String line : LogicalLines.of(text)) {
            String[] parts = line.strip().split("\\s+", 2);
            String value = parts.length == 2 ? parts[1].strip() : "";
            entries.putIfAbsent(fold(parts[0]), new SourceEntry(parts[0], value, List.of(value.split("\\s+"))));
        }
        return entries;
    }

    /** A value split on commas and whitespace outside double quotes. */
    static List<String> targets(String value) {
        List<String> targets = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (!quoted && (c == ',' || Character.isWhitespace(c))) {
                flush(current, targets);
            } else {
                current.append(c);
            }
        }
        flush(current, targets);
        return targets;
    }

    private static void flush(StringBuilder current, List<String> targets) {
        if (current.length() > 0) {
            targets.add(current.toString());
            current.setLength(0);
        }
    }

    private static String fold(String key) {
        return CaseFold.of(key);
    }
}
