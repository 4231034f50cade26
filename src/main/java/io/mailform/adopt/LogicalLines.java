package io.mailform.adopt;

import io.mailform.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a file into logical lines as Postfix's readlline() does (measured with postconf): blank lines and lines
 * whose first non-blank character is {@code #} are skipped wherever they are, even between a line and its
 * continuation; a line that starts with whitespace continues the logical line before it; {@code #} anywhere else is
 * text. A continuation with nothing before it is returned as a line of its own, starting with a space, so that the
 * reader can say where it is.
 */
final class LogicalLines {
    private LogicalLines() {
    }

    static List<LogicalLine> of(SourceFile source) {
        List<LogicalLine> lines = new ArrayList<>();
        String[] physical = source.text().split("\n", -1);
        StringBuilder text = null;
        int startLine = 0;
        for (int index = 0; index < physical.length; index++) {
            String line = physical[index].endsWith("\r")
                    ? physical[index].substring(0, physical[index].length() - 1) : physical[index];
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            boolean continuation = Character.isWhitespace(line.charAt(0));
            if (continuation && text != null) {
                text.append(' ').append(stripped);
                continue;
            }
            if (text != null) {
                lines.add(logical(source, text, startLine));
            }
            text = new StringBuilder(continuation ? " " + stripped : stripped);
            startLine = index + 1;
        }
        if (text != null) {
            lines.add(logical(source, text, startLine));
        }
        return lines;
    }

    private static LogicalLine logical(SourceFile source, StringBuilder text, int line) {
        String first = source.lineText(line);
        int start = source.offsetAt(line, 1);
        return new LogicalLine(text.toString(), line, source.spanOf(start, start + first.length()));
    }
}
