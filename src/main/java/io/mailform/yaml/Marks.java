package io.mailform.yaml;

import io.mailform.source.SourceFile;
import io.mailform.source.Span;
import org.snakeyaml.engine.v2.exceptions.Mark;

/** SnakeYAML's marks are 0-based line and code-point column; this is the one place that converts them. */
final class Marks {
    private Marks() {
    }

    static Span span(SourceFile source, Mark start, Mark end) {
        var from = source.positionAt(start.getLine() + 1, start.getColumn() + 1);
        var to = source.positionAt(end.getLine() + 1, end.getColumn() + 1);
        return to.offset() < from.offset() ? Span.at(from) : new Span(from, to);
    }
}
