package io.mailform.cli;

import io.mailform.diag.Diagnostic;
import io.mailform.diag.render.Format;
import io.mailform.source.SourceFile;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the diagnostics of a whole run and prints them once, in the chosen format: text goes to standard error
 * (it is for people), JSON and GitHub workflow commands to standard output (they are for programs).
 */
final class Reporter {
    private final ReportOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, SourceFile> sources = new LinkedHashMap<>();

    Reporter(ReportOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    void add(SourceFile source, List<Diagnostic> found) {
        sources.put(source.name(), source);
        diagnostics.addAll(found);
    }

    /** True if the diagnostics so far fail the run: any error, or any warning under --warnings-as-errors. */
    boolean fails(List<Diagnostic> found) {
        return found.stream().anyMatch(d -> d.isError() || options.warningsAsErrors);
    }

    void print() {
        boolean text = options.format == Format.TEXT;
        if (text && diagnostics.isEmpty()) {
            return;
        }
        boolean colour = text && System.console() != null && System.getenv("NO_COLOR") == null;
        options.format.renderer(colour, Version.number()).render(diagnostics, sources, text ? err : out);
    }
}
