package io.mailform.diag;

import io.mailform.source.Span;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem: what is wrong and where ({@code message}), and how to fix it ({@code help}, optional, e.g. a
 * did-you-mean suggestion). The severity comes from the code, so a rule cannot report one id at two severities.
 */
public record Diagnostic(Code code, String file, Span span, String message, Optional<String> help) {
    public static final Comparator<Diagnostic> BY_POSITION = Comparator.comparing(Diagnostic::file)
            .thenComparing(d -> d.span().start())
            .thenComparing(d -> d.code().id())
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(help, "help");
    }

    public static Diagnostic of(Code code, String file, Span span, String message) {
        return new Diagnostic(code, file, span, message, Optional.empty());
    }

    public static Diagnostic of(Code code, String file, Span span, String message, String help) {
        return new Diagnostic(code, file, span, message, Optional.of(help));
    }

    public Severity severity() {
        return code.severity();
    }

    public boolean isError() {
        return severity() == Severity.ERROR;
    }
}
