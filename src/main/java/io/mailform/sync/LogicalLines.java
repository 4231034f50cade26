package io.mailform.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * The logical lines of a Postfix source file (aliases(5), postmap(1)): blank lines and lines whose first
 * non-blank character is {@code #} are ignored, and a line that starts with whitespace continues the one before.
 */
final class LogicalLines {
    private LogicalLines() {
    }

    static List<String> of(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + stripped);
            } else {
                lines.add(line.stripTrailing());
            }
        }
        return lines;
    }
}
