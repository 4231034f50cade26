package io.mailform.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.diag.Diagnostic;
import io.mailform.model.MailSystem;
import io.mailform.oracle.Oracle;
import io.mailform.pipeline.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in src/test/resources/invalid-scenarios/ is a scenario file with a mistake: {@code NAME.yaml} beside
 * {@code NAME.expected} ({@code severity code line:column} per line). Each gets exactly those diagnostics, each with a
 * message and a fix, from the same front end as descriptions.
 */
class InvalidScenariosTest {
    private static final Path CASES = Path.of("test/resources/invalid-scenarios");

    @TestFactory
    Stream<DynamicTest> everyMistakeGetsPositionedDiagnostics() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(CASES)) {
            inputs = files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(inputs.size() >= 8, "at least 8 invalid scenario files, found " + inputs.size());
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(),
                () -> check(input)));
    }

    private static void check(Path input) throws IOException {
        byte[] bytes = Files.readAllBytes(input);
        ScenarioValidation structure = new ScenarioReader().read(input.toString(), bytes);
        ScenarioValidation validation = structure;
        if (structure.scenarios().isPresent()) {
            Path description = input.getParent().resolve(structure.scenarios().get().description()).normalize();
            MailSystem system = new Pipeline().validate(description.toString(), Files.readAllBytes(description))
                    .mailSystem().orElseThrow();
            validation = new ScenarioReader().read(input.toString(), bytes, system, new Oracle(system));
        }
        List<String> actual = validation.diagnostics().stream().map(InvalidScenariosTest::summary).toList();
        assertEquals(expected(input), actual, () -> input + ":\n" + String.join("\n",
                structureOf(structure)));
        for (Diagnostic diagnostic : validation.diagnostics()) {
            assertFalse(diagnostic.message().isBlank());
            assertTrue(diagnostic.help().filter(help -> !help.isBlank()).isPresent(),
                    () -> "every diagnostic says how to fix it: " + diagnostic);
        }
    }

    private static List<String> structureOf(ScenarioValidation validation) {
        return validation.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    private static String summary(Diagnostic diagnostic) {
        return diagnostic.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + diagnostic.code().id() + " "
                + diagnostic.span().start().line() + ":" + diagnostic.span().start().column();
    }

    private static List<String> expected(Path input) throws IOException {
        Path file = Path.of(input.toString().replaceFirst("\\.yaml$", ".expected"));
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(String::strip).toList();
    }
}
