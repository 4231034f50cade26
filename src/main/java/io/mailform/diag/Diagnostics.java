package io.mailform.diag;

import io.mailform.source.SourceFile;
import io.mailform.source.Span;
import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one stage over one file; a stage returns {@link #toList()} with its value. */
public final class Diagnostics {
    private final SourceFile source;
    private final List<Diagnostic> collected = new ArrayList<>();

    public Diagnostics(SourceFile source) {
        this.source = source;
    }

    public void report(Code code, Span span, String message) {
        collected.add(Diagnostic.of(code, source.name(), span, message));
    }

    public void report(Code code, Span span, String message, String help) {
        collected.add(Diagnostic.of(code, source.name(), span, message, help));
    }

    public void add(Diagnostic diagnostic) {
        collected.add(diagnostic);
    }

    public void addAll(List<Diagnostic> diagnostics) {
        collected.addAll(diagnostics);
    }

    public boolean hasErrors() {
        return collected.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> toList() {
        return List.copyOf(collected);
    }
}
