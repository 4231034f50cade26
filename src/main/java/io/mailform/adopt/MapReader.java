package io.mailform.adopt;

import io.mailform.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the source of a hash table as postmap does: logical lines, {@code key whitespace value}. postmap keeps
 * the first of duplicate keys, and so does this reader.
 */
final class MapReader {
    private MapReader() {
    }

    /** The entries by key, in file order; lines without a value are returned in {@code malformed}. */
    record Read(Map<String, MapEntryLine> entries, List<LogicalLine> malformed) {
    }

    static Read read(SourceFile source) {
        Map<String, MapEntryLine> entries = new LinkedHashMap<>();
        List<LogicalLine> malformed = new ArrayList<>();
        for (LogicalLine line : LogicalLines.of(source)) {
            String[] parts = line.text().strip().split("\\s+", 2);
            if (line.text().startsWith(" ") || parts.length < 2) {
                malformed.add(line);
                continue;
            }
            entries.putIfAbsent(parts[0], new MapEntryLine(parts[0], parts[1], line.line(), line.span()));
        }
        return new Read(entries, malformed);
    }
}
