package io.mailform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailform import} on the command line: what it writes where, and its exit codes. */
class ImportCommandTest {
    private static final Path IMPORT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("test/resources/import");

    @TempDir
    Path work;

    private static String[] args(String fixture, String... more) {
        Path host = IMPORT.resolve(fixture);
        List<String> args = new java.util.ArrayList<>(List.of("import", "--config-dir", host.resolve("postfix").toString(),
                "--aliases", host.resolve("aliases").toString(), "--mailname", host.resolve("mailname").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void writesToStandardOutputWithoutOutputFile() {
        CliRun run = CliRun.of(args("smarthost-maps"));
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("# yaml-language-server: $schema=mailsystem.schema.json\n"), run.out());
        assertTrue(run.out().contains("mode: internet-smarthost\n"), run.out());
        assertTrue(run.err().contains("the password is not copied"), run.err());
        assertFalse(run.out().contains("secret-password"), run.out());
        assertEquals(run.out(), CliRun.of(args("smarthost-maps")).out(), "the same host gives the same bytes");
    }

    @Test
    void replacesTheOutputFileAtomically() throws IOException {
        Path output = work.resolve("host.yaml");
        Files.writeString(output, "old\n");
        CliRun run = CliRun.of(args("hand-edited", "-o", output.toString()));
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(Files.readString(output).contains("mode: internet-site\n"));
        assertEquals(CliRun.of(args("hand-edited")).out(), Files.readString(output));
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(output), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void stillWritesTheRestWhenSomethingCannotBeCarriedOver() throws IOException {
        Path output = work.resolve("host.yaml");
        CliRun run = CliRun.of(args("open-relay", "-o", output.toString()));
        assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
        assertTrue(run.err().contains("main.cf:43:14: error[import-refused]: networks: network 0.0.0.0/0"), run.err());
        assertTrue(Files.readString(output).contains("mode: satellite\n"));
        assertEquals(ExitCode.OK, CliRun.of("validate", output.toString()).exitCode());
    }

    @Test
    void reportsLinesPostfixCannotReadAndWritesTheRest() throws IOException {
        Path host = Files.createDirectories(work.resolve("host/postfix"));
        Files.writeString(host.resolve("main.cf"), "compatibility_level = 3.6\nthis line has no equals sign\n");
        CliRun run = CliRun.of("import", "--config-dir", host.toString(), "--aliases", work.resolve("none").toString(),
                "--mailname", work.resolve("none").toString());
        assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
        assertTrue(run.err().contains("main.cf:2:1: error[import-syntax]: missing '='"), run.err());
        assertTrue(run.out().contains("  compatibility_level: '3.6'\n"), run.out());
    }

    @Test
    void missingConfigurationDirectoryIsAnIoError() {
        Path output = work.resolve("host.yaml");
        CliRun run = CliRun.of("import", "--config-dir", work.resolve("nowhere").toString(), "-o", output.toString());
        assertEquals(ExitCode.IO, run.exitCode());
        assertTrue(run.err().contains("no such configuration directory: " + work.resolve("nowhere")), run.err());
        assertFalse(Files.exists(output));
    }

    @Test
    void unreadableFileIsAnIoError() throws IOException {
        Path host = Files.createDirectories(work.resolve("host/postfix/main.cf"));
        CliRun run = CliRun.of("import", "--config-dir", host.getParent().toString());
        assertEquals(ExitCode.IO, run.exitCode());
        assertTrue(run.err().contains("cannot read " + host + ": it is a directory"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void unwritableOutputIsAnIoError() {
        Path output = work.resolve("missing/host.yaml");
        CliRun run = CliRun.of(args("hand-edited", "-o", output.toString()));
        assertEquals(ExitCode.IO, run.exitCode());
        assertTrue(run.err().contains("cannot write " + output + ": no such directory"), run.err());
    }

    @Test
    void machineReadableDiagnosticsNeedAnOutputFile() throws IOException {
        CliRun refused = CliRun.of(args("open-relay", "--format", "json"));
        assertEquals(ExitCode.USAGE, refused.exitCode());
        assertTrue(refused.err().contains("needs -o FILE"), refused.err());
        assertEquals("", refused.out());
        Path output = work.resolve("host.yaml");
        CliRun run = CliRun.of(args("open-relay", "--format", "json", "-o", output.toString()));
        assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"import-refused\""), run.out());
        assertTrue(Files.readString(output).contains("mode: satellite\n"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(ExitCode.USAGE, CliRun.of("import", "--config-directory", "/etc/postfix").exitCode());
    }
}
