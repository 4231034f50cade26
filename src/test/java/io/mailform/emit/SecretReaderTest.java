package io.mailform.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.diag.Diagnostics;
import io.mailform.model.SecretSource;
import io.mailform.yaml.Findings;
import io.mailform.yaml.ReadResult;
import io.mailform.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords read at compile time from a file or the environment, and the diagnostic at the node naming them. */
class SecretReaderTest {
    private static final String YAML = """
            relay:
              auth:
                username: user
                password_file: secrets/relay.password
            """;
    private static final String POINTER = "/relay/auth/password_file";

    @TempDir
    Path directory;

    private Optional<String> read(SecretSource source, Map<String, String> environment, List<Diagnostic> out) {
        ReadResult read = new YamlReader().read("site.yaml", YAML.getBytes(StandardCharsets.UTF_8));
        Diagnostics diagnostics = new Diagnostics(read.source());
        EmitContext context = new EmitContext("site.yaml", directory, environment, read.sourceMap());
        Optional<String> password = new SecretReader(context, new Findings(diagnostics, read.sourceMap())).read(source, POINTER, "the relay password");
        out.addAll(diagnostics.toList());
        return password;
    }

    private static void assertUnavailable(List<Diagnostic> diagnostics, String problem) {
        assertEquals(1, diagnostics.size(), diagnostics::toString);
        assertEquals(Code.SECRET_UNAVAILABLE, diagnostics.get(0).code());
        assertEquals("4:20", diagnostics.get(0).span().start().toString());
        assertTrue(diagnostics.get(0).message().contains(problem), diagnostics.get(0).message());
        assertTrue(diagnostics.get(0).help().isPresent());
    }

    @Test
    void readsTheFirstLineOfAFileRelativeToTheDescription() throws Exception {
        Files.createDirectories(directory.resolve("secrets"));
        Files.writeString(directory.resolve("secrets/relay.password"), "pw:2\r\nsecond line is ignored\n");
        List<Diagnostic> diagnostics = new java.util.ArrayList<>();
        assertEquals(Optional.of("pw:2"),
                read(new SecretSource.File("secrets/relay.password"), Map.of(), diagnostics));
        assertEquals(List.of(), diagnostics);
    }

    @Test
    void readsAFileWithoutLineEnd() throws Exception {
        Files.writeString(directory.resolve("pw"), " spaces kept ");
        assertEquals(Optional.of(" spaces kept "),
                read(new SecretSource.File("pw"), Map.of(), new java.util.ArrayList<>()));
    }

    @Test
    void readsTheEnvironment() {
        List<Diagnostic> diagnostics = new java.util.ArrayList<>();
        assertEquals(Optional.of("pw 1"),
                read(new SecretSource.Environment("RELAY_PASSWORD"), Map.of("RELAY_PASSWORD", "pw 1"), diagnostics));
        assertEquals(List.of(), diagnostics);
    }

    @Test
    void reportsAMissingOrEmptyVariable() {
        List<Diagnostic> missing = new java.util.ArrayList<>();
        assertFalse(read(new SecretSource.Environment("RELAY_PASSWORD"), Map.of(), missing).isPresent());
        assertUnavailable(missing, "is not set");
        List<Diagnostic> empty = new java.util.ArrayList<>();
        assertFalse(read(new SecretSource.Environment("RELAY_PASSWORD"), Map.of("RELAY_PASSWORD", ""), empty)
                .isPresent());
        assertUnavailable(empty, "is empty");
    }

    @Test
    void reportsAMissingFileAnEmptyFirstLineAndBinaryContent() throws Exception {
        List<Diagnostic> missing = new java.util.ArrayList<>();
        assertFalse(read(new SecretSource.File("nope"), Map.of(), missing).isPresent());
        assertUnavailable(missing, "does not exist");

        Files.writeString(directory.resolve("empty"), "\nsecret on the second line\n");
        List<Diagnostic> empty = new java.util.ArrayList<>();
        assertFalse(read(new SecretSource.File("empty"), Map.of(), empty).isPresent());
        assertUnavailable(empty, "empty first line");

        Files.write(directory.resolve("binary"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});
        List<Diagnostic> binary = new java.util.ArrayList<>();
        assertFalse(read(new SecretSource.File("binary"), Map.of(), binary).isPresent());
        assertUnavailable(binary, "not UTF-8");
    }

    @Test
    void namesTheKeyOfTheSource() {
        assertEquals("/relay/auth/password_file",
                SecretReader.sourcePointer("/relay/auth", new SecretSource.File("x")));
        assertEquals("/routes/a.example/auth/password_env",
                SecretReader.sourcePointer("/routes/a.example/auth", new SecretSource.Environment("X")));
    }
}
