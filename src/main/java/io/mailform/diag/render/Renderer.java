package io.mailform.diag.render;

import io.mailform.diag.Diagnostic;
import io.mailform.source.SourceFile;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Prints the diagnostics of a run in one output format. */
public interface Renderer {
    /**
     * @param diagnostics all diagnostics of the run, sorted
     * @param sources the files they refer to, by name, for snippets
     */
    void render(List<Diagnostic> diagnostics, Map<String, SourceFile> sources, PrintStream out);
}
