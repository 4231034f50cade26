package io.mailform.diag.render;

import io.mailform.diag.Diagnostic;
import io.mailform.diag.Severity;
import io.mailform.source.SourceFile;
import io.mailform.source.Span;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * For people: {@code file:line:col: error[code]: message}, the offending line with a caret under the span, the fix,
 * and a closing count. Colour only when asked for (a terminal without NO_COLOR).
 */
public final class TextRenderer implements Renderer {
    private static final String RED = "\u001b[31;1m";
    private static final String YELLOW = "\u001b[33;1m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    public TextRenderer(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void render(List<Diagnostic> diagnostics, Map<String, SourceFile> sources, PrintStream out) {
        for (Diagnostic diagnostic : diagnostics) {
            renderOne(diagnostic, sources.get(diagnostic.file()), out);
        }
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        out.println(plural(errors, "error") + ", " + plural(warnings, "warning"));
    }

    private void renderOne(Diagnostic diagnostic, SourceFile source, PrintStream out) {
        Span span = diagnostic.span();
        String severity = diagnostic.severity().label();
        String label = colour ? (diagnostic.severity() == Severity.ERROR ? RED : YELLOW) + severity + RESET : severity;
        String message = colour ? BOLD + diagnostic.message() + RESET : diagnostic.message();
        out.println(diagnostic.file() + ":" + span.start().line() + ":" + span.start().column() + ": " + label + "["
                + diagnostic.code().id() + "]: " + message);
        if (source != null && !source.text().isEmpty()) {
            snippet(source, span, out);
        }
        diagnostic.help().ifPresent(help -> out.println(gutter(span) + " = " + help));
    }

    private static void snippet(SourceFile source, Span span, PrintStream out) {
        int line = span.start().line();
        String text = printable(SecretRedaction.line(source, line));
        String number = Integer.toString(line);
        String pad = " ".repeat(number.length());
        int column = span.start().column();
        int width = span.end().line() == line ? Math.max(1, span.end().column() - column) : 1;
        width = Math.max(1, Math.min(width, text.codePointCount(0, text.length()) - column + 2));
        out.println(pad + " |");
        out.println(number + " | " + text);
        out.println(pad + " | " + " ".repeat(Math.max(0, column - 1)) + "^".repeat(width));
    }

    /** Tabs would move the caret; control characters would garble the terminal. */
    private static String printable(String line) {
        StringBuilder result = new StringBuilder();
        line.codePoints().forEach(c -> result.appendCodePoint(c == '\t' ? ' ' : Character.isISOControl(c) ? '?' : c));
        return result.toString();
    }

    private static String gutter(Span span) {
        return " ".repeat(Integer.toString(span.start().line()).length());
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
