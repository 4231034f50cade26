package io.mailform.runtime.postfix;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source of a Postfix lookup table (postmap(1) format), as lines: comments, blank lines and continuation lines
 * are kept as they are; entries are {@code key whitespace value}, and a rewrite changes the key or the value of an
 * entry and nothing else.
 */
final class LookupTable {
    private static final Pattern ENTRY = Pattern.compile("(\\S+)(\\s+)(.*)");

    /** One line: an entry when {@code key} is not null, else text kept verbatim. */
    private record Line(String key, String separator, String value, String text) {
        String render() {
            return key == null ? text : key + separator + value;
        }
    }

    /** An entry whose key or value was rewritten. */
    record Change(String key, String before, String after) {
    }

    private final List<Line> lines;

    private LookupTable(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    static LookupTable parse(String text) {
        List<Line> lines = new ArrayList<>();
        for (String line : text.lines().toList()) {
            Matcher entry = ENTRY.matcher(line);
            boolean verbatim = line.isBlank() || line.startsWith("#") || Character.isWhitespace(line.charAt(0))
                || !entry.matches();
            lines.add(verbatim ? new Line(null, null, null, line)
                : new Line(entry.group(1), entry.group(2), entry.group(3), null));
        }
        return new LookupTable(lines);
    }

    /** The entries' keys and values, in file order. */
    List<Change> entries() {
        return lines.stream().filter(line -> line.key() != null)
            .map(line -> new Change(line.key(), line.value(), line.value())).toList();
    }

    /** A copy with each key rewritten by {@code rewrite}; {@code changes} receives each key that changed. */
    LookupTable withKeys(UnaryOperator<String> rewrite, List<Change> changes) {
        List<Line> rewritten = new ArrayList<>();
        for (Line line : lines) {
            String key = line.key() == null ? null : rewrite.apply(line.key());
            if (key != null && !key.equals(line.key())) {
                changes.add(new Change(line.key(), line.key(), key));
                rewritten.add(new Line(key, line.separator(), line.value(), null));
            } else {
                rewritten.add(line);
            }
        }
        return new LookupTable(rewritten);
    }

    /** A copy with each value rewritten by {@code rewrite}; {@code changes} receives each value that changed. */
    LookupTable withValues(UnaryOperator<String> rewrite, List<Change> changes) {
        List<Line> rewritten = new ArrayList<>();
        for (Line line : lines) {
            String value = line.key() == null ? null : rewrite.apply(line.value());
            if (value != null && !value.equals(line.value())) {
                changes.add(new Change(line.key(), line.value(), value));
                rewritten.add(new Line(line.key(), line.separator(), value, null));
            } else {
                rewritten.add(line);
            }
        }
        return new LookupTable(rewritten);
    }

    String render() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.render()).append('\n'));
        return text.toString();
    }
}
