package io.mailform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.yaml.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every file in src/test/resources/invalid/ is a description that must fail: {@code NAME.yaml} beside
 * {@code NAME.expected}, which lists the expected diagnostics one per line as {@code severity code line:column}.
 * Each must give exactly those diagnostics, each with a fix, exit 1 from validate and compile, and leave no output.
 */
class InvalidInputsTest {
    private static final Path CASES = Path.of("test/resources/invalid");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyInvalidInputFailsCleanly() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(CASES)) {
            inputs = files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(inputs.size() >= 40, "at least 40 invalid inputs, found " + inputs.size());
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(),
                () -> check(input, expected(input))));
    }

    @TestFactory
    Stream<DynamicTest> generatedInputs() {
        return Stream.of(DynamicTest.dynamicTest("over the size limit", () -> {
            byte[] big = new byte[Limits.DEFAULT_MAX_BYTES + 10];
            Arrays.fill(big, (byte) '#');
            Path input = Files.write(temp.resolve("big.yaml"), big);
            check(input, List.of("error input-too-large 1:1"));
        }));
    }

    private static List<String> expected(Path input) throws IOException {
        Path file = Path.of(input.toString().replaceFirst("\\.yaml$", ".expected"));
        assertTrue(Files.exists(file), "missing " + file);
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(String::strip).toList();
    }

    private void check(Path input, List<String> expected) throws IOException {
        CliRun validate = CliRun.of("validate", "--format", "json", input.toString());
        assertEquals(ExitCode.INVALID, validate.exitCode(), validate.err());
        assertEquals("", validate.err(), "nothing but the JSON report");
        JsonNode report = JsonMapper.builder().build().readTree(validate.out());
        List<String> actual = new ArrayList<>();
        for (JsonNode diagnostic : report.get("diagnostics").values()) {
            actual.add(diagnostic.get("severity").stringValue() + " " + diagnostic.get("code").stringValue() + " "
                    + diagnostic.get("line").asInt() + ":" + diagnostic.get("column").asInt());
            assertFalse(diagnostic.get("message").stringValue().isBlank());
            assertTrue(diagnostic.has("help") && !diagnostic.get("help").stringValue().isBlank(),
                    "every diagnostic says how to fix it: " + diagnostic);
        }
        assertEquals(expected, actual, () -> "diagnostics of " + input + ":\n" + validate.out());

        Path out = temp.resolve("out-" + input.getFileName());
        CliRun compile = CliRun.of("compile", input.toString(), "-o", out.toString());
        assertEquals(ExitCode.INVALID, compile.exitCode(), compile.err());
        assertFalse(compile.err().contains("Exception"), compile.err());
        assertTrue(compile.err().contains(" error"), compile.err());
        assertFalse(Files.exists(out), "nothing is written");
    }
}
