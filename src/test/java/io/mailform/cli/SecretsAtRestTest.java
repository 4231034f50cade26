package io.mailform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.emit.ExampleFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example compiled with the passwords its description names: each password reaches only files of mode 0600
 * (the tables and James files that must hold it), never another output file, the manifest, or what compile and
 * validate print in any format. CompileFuzzTest asserts the same of every description it generates.
 */
class SecretsAtRestTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> passwordsStayInPrivateFiles() throws IOException {
        String password = Files.readString(ExampleFiles.DIRECTORY.resolve("secrets/relay.password"),
                StandardCharsets.UTF_8).strip();
        assertTrue(password.length() >= 8, "a password long enough not to appear by chance: " + password);
        return ExampleFiles.all().stream().map(example -> DynamicTest.dynamicTest(ExampleFiles.name(example),
                () -> check(example, password)));
    }

    private void check(Path example, String password) throws IOException {
        Path out = temp.resolve(ExampleFiles.name(example));
        CliRun compile = CliRun.of("compile", example.toString(), "-o", out.toString());
        assertEquals(0, compile.exitCode(), compile.err());
        List<String> printed = new ArrayList<>(List.of(compile.out(), compile.err()));
        for (String format : List.of("text", "json", "github", "sarif")) {
            CliRun validate = CliRun.of("validate", "--format", format, example.toString());
            printed.add(validate.out());
            printed.add(validate.err());
        }
        printed.forEach(text -> assertFalse(text.contains(password), "printed: " + text));
        boolean described = Files.readString(example, StandardCharsets.UTF_8).contains("password_file");
        boolean held = false;
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
                if (Files.readString(file, StandardCharsets.ISO_8859_1).contains(password)) {
                    assertEquals("rw-------", mode, out.relativize(file) + " holds the password");
                    held = true;
                }
            }
        }
        assertEquals(described, held, "the password is in the output exactly when the description names it");
    }
}
