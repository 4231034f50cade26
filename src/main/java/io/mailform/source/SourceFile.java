package io.mailform.source;

import java.util.Arrays;

/** The decoded text of one input, with a line index so offsets turn into line:column once, at the edge. */
public final class SourceFile {
    private final String name;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
        this.lineStarts = indexLines(text);
    }

    private static int[] indexLines(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The name shown in diagnostics: the path as given on the command line, or {@code <stdin>}. */
    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** The position of a character offset; offsets past the end clamp to the end. */
    public Position positionAt(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int index = Arrays.binarySearch(lineStarts, clamped);
        int line = index >= 0 ? index : -index - 2;
        int column = text.codePointCount(lineStarts[line], clamped) + 1;
        return new Position(line + 1, column, clamped);
    }

    /** The position of a 1-based line and code-point column. */
    public Position positionAt(int line, int column) {
        int lineIndex = Math.max(0, Math.min(line - 1, lineStarts.length - 1));
        return new Position(lineIndex + 1, column, offsetAt(line, column));
    }

    /**
     * The character offset of a 1-based line and code-point column; a column past the end of its line clamps to the
     * end of the line.
     */
    public int offsetAt(int line, int column) {
        int lineIndex = Math.max(0, Math.min(line - 1, lineStarts.length - 1));
        int start = lineStarts[lineIndex];
        int end = lineEnd(lineIndex);
        int offset;
        try {
            offset = text.offsetByCodePoints(start, Math.max(0, column - 1));
        } catch (IndexOutOfBoundsException pastEnd) {
            offset = end;
        }
        return Math.min(offset, end);
    }

    /** Where the line of a 0-based index ends, before its line break. */
    private int lineEnd(int lineIndex) {
        int start = lineStarts[lineIndex];
        int end = lineIndex + 1 < lineStarts.length ? lineStarts[lineIndex + 1] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return Math.max(start, end);
    }

    /** The text of a 1-based line, without its line break. */
    public String lineText(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        return text.substring(lineStarts[line - 1], lineEnd(line - 1));
    }

    public Span spanOf(int startOffset, int endOffset) {
        return new Span(positionAt(startOffset), positionAt(Math.max(startOffset, endOffset)));
    }
}
