package io.mailform.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mailform.diag.Diagnostic;
import io.mailform.diag.render.Format;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import io.mailform.source.Position;
import io.mailform.source.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Arbitrary bytes through validate: reading, the schema, binding and every rule. Whatever the input, the answer is a
 * list of diagnostics, each at a real place in the file, that every output format renders; never an exception.
 * Time and memory per input are bounded by the fuzzer's -timeout and the fork's heap (see pom.xml).
 */
class FrontEndFuzzTest {
    private static final Pipeline PIPELINE = new Pipeline();

    @FuzzTest(maxDuration = "2m")
    void validateAnswersEveryInputWithPlacedDiagnostics(byte[] input) {
        Validation validation = PIPELINE.validate("fuzz.yaml", input);
        SourceFile source = validation.source();
        int length = source.text().length();
        for (Diagnostic diagnostic : validation.diagnostics()) {
            placed(diagnostic, diagnostic.span().start(), length);
            placed(diagnostic, diagnostic.span().end(), length);
        }
        assertTrue(validation.mailSystem().isPresent() || validation.hasErrors(),
                "no model and no error for the input");
        for (Format format : Format.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            format.renderer(false, "fuzz").render(validation.diagnostics(), Map.of(source.name(), source),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertTrue(validation.diagnostics().isEmpty() || out.size() > 0, format + " rendered nothing");
        }
    }

    private static void placed(Diagnostic diagnostic, Position position, int length) {
        assertTrue(position.line() >= 1 && position.column() >= 1 && position.offset() >= 0
                && position.offset() <= length, "a diagnostic outside the file: " + diagnostic);
    }
}
