package io.mailform.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mailform.bind.Binder;
import io.mailform.bind.Bound;
import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.diag.Severity;
import io.mailform.model.MailSystem;
import io.mailform.yaml.ReadResult;
import io.mailform.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A description run through reading, binding and the standard rules (the schema stage is left out: test inputs are
 * well-formed by construction), with assertions on what the rules reported.
 */
final class Checked {
    private final List<Diagnostic> diagnostics;

    private Checked(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    static Checked yaml(String text) {
        ReadResult read = new YamlReader().read("test.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertTrue(read.diagnostics().isEmpty(), () -> "the test input does not read cleanly: " + read.diagnostics());
        Bound bound = new Binder().bind(read.document().orElseThrow(), read.source(), read.sourceMap());
        assertTrue(bound.diagnostics().isEmpty(), () -> "the test input does not bind cleanly: " + bound.diagnostics());
        MailSystem system = bound.mailSystem().orElseThrow();
        return new Checked(Checker.standard().check(system, read.source(), read.sourceMap()));
    }

    List<Diagnostic> all() {
        return diagnostics;
    }

    List<Diagnostic> of(Code code) {
        return diagnostics.stream().filter(d -> d.code() == code).toList();
    }

    /** The one error of this code; fails if there is none, or more than one. */
    Found error(Code code) {
        return one(code, Severity.ERROR);
    }

    /** The one warning of this code; fails if there is none, or more than one. */
    Found warning(Code code) {
        return one(code, Severity.WARNING);
    }

    private Found one(Code code, Severity severity) {
        List<Diagnostic> found = of(code);
        if (found.size() != 1) {
            fail("expected one " + code.id() + ", got " + found.size() + ": " + render(diagnostics));
        }
        Diagnostic diagnostic = found.get(0);
        assertEquals(severity, diagnostic.severity(), () -> "severity of " + render(found));
        return new Found(diagnostic);
    }

    Checked none(Code code) {
        assertTrue(of(code).isEmpty(), () -> "expected no " + code.id() + ": " + render(of(code)));
        return this;
    }

    Checked noErrors() {
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.isEmpty(), () -> "expected no errors: " + render(errors));
        return this;
    }

    Checked nothing() {
        assertTrue(diagnostics.isEmpty(), () -> "expected no diagnostics: " + render(diagnostics));
        return this;
    }

    static String render(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .map(d -> d.span().start() + " " + d.severity().label() + "[" + d.code().id() + "] " + d.message()
                        + d.help().map(help -> " = " + help).orElse(""))
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    /** One diagnostic, asserted on piece by piece. */
    static final class Found {
        private final Diagnostic diagnostic;

        Found(Diagnostic diagnostic) {
            this.diagnostic = diagnostic;
        }

        Found at(int line, int column) {
            assertEquals(line + ":" + column, diagnostic.span().start().toString(), () -> "position of "
                    + render(List.of(diagnostic)));
            return this;
        }

        /** The message contains each part. */
        Found says(String... parts) {
            for (String part : parts) {
                assertTrue(diagnostic.message().contains(part),
                        () -> "message lacks \"" + part + "\": " + render(List.of(diagnostic)));
            }
            return this;
        }

        /** The help contains each part. */
        Found helps(String... parts) {
            String help = diagnostic.help().orElseGet(() -> fail("no help: " + render(List.of(diagnostic))));
            for (String part : parts) {
                assertTrue(help.contains(part), () -> "help lacks \"" + part + "\": " + render(List.of(diagnostic)));
            }
            return this;
        }
    }
}
