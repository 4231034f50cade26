package io.mailform.source;

/** A place in a source file: 1-based line and column (in code points), 0-based character offset. */
public record Position(int line, int column, int offset) implements Comparable<Position> {
    public static final Position START = new Position(1, 1, 0);

    @Override
    public int compareTo(Position other) {
        return Integer.compare(offset, other.offset);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
