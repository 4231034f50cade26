package io.mailform.source;

/** The stretch of text a diagnostic points at; {@code end} is exclusive. */
public record Span(Position start, Position end) {
    public Span {
        if (end.offset() < start.offset()) {
            throw new IllegalArgumentException("span ends before it starts: " + start + " > " + end);
        }
    }

    public static Span at(Position position) {
        return new Span(position, position);
    }

    @Override
    public String toString() {
        return start.toString();
    }
}
