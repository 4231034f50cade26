package io.mailform.yaml;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostics;
import io.mailform.source.SourceFile;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * A pass over parser events, before any tree exists: one document only, nesting within bounds. The composer is
 * recursive, so nesting must be refused here rather than discovered as a stack overflow.
 */
final class StructureCheck {
    private final SourceFile source;
    private final Limits limits;
    private final Diagnostics diagnostics;

    StructureCheck(SourceFile source, Limits limits, Diagnostics diagnostics) {
        this.source = source;
        this.limits = limits;
        this.diagnostics = diagnostics;
    }

    private int depth;
    private int documents;
    private long nodes;

    boolean passes(Iterable<Event> events) {
        for (Event event : events) {
            if (!accepts(event)) {
                return false;
            }
        }
        return true;
    }

    /** One event of the stream, in order; false after reporting the first problem (then stop reading). */
    boolean accepts(Event event) {
        switch (event.getEventId()) {
            case DocumentStart -> {
                documents++;
                if (documents == 2) {
                    diagnostics.report(Code.YAML_MULTIPLE_DOCUMENTS, at(event),
                            "the file holds more than one YAML document",
                            "keep one mail system per file; remove the second '---' and what follows it");
                    return false;
                }
            }
            case MappingStart, SequenceStart -> {
                nodes++;
                depth++;
                if (depth > limits.maxDepth()) {
                    diagnostics.report(Code.YAML_TOO_DEEP, at(event),
                            "collections are nested more than " + limits.maxDepth() + " levels deep",
                            "a mail-system description needs only a few levels; check the indentation");
                    return false;
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            case Scalar, Alias -> nodes++;
            default -> {
            }
        }
        return true;
    }

    /** How many nodes the events so far wrote: scalars (keys too), collections and aliases. */
    long nodes() {
        return nodes;
    }

    private io.mailform.source.Span at(Event event) {
        Mark start = event.getStartMark().orElseThrow();
        return Marks.span(source, start, event.getEndMark().orElse(start));
    }
}
