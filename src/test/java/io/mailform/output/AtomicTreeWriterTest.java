package io.mailform.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.emit.OutputFile;
import io.mailform.emit.OutputTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicTreeWriterTest {
    @TempDir
    Path temp;

    private final AtomicTreeWriter writer = new AtomicTreeWriter();

    private static OutputTree tree(Map<String, OutputFile> files) {
        return new OutputTree(new TreeMap<>(files));
    }

    private static OutputFile text(String content, int mode) {
        return new OutputFile(content.getBytes(StandardCharsets.UTF_8), mode);
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.readString(path));
            }
        }
        return files;
    }

    @Test
    void writesFilesWithTheirModesAndAManifest() throws Exception {
        Path out = temp.resolve("out");
        writer.write(out, tree(Map.of("postfix/main.cf", text("a = b\n", OutputFile.PUBLIC),
                "postfix/sasl_passwd", text("secret\n", OutputFile.SECRET))), "{}\n".getBytes());
        assertEquals("a = b\n", Files.readString(out.resolve("postfix/main.cf")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("postfix/sasl_passwd"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("postfix/main.cf"))));
        assertTrue(Files.exists(out.resolve(Manifest.FILE_NAME)));
        try (Stream<Path> siblings = Files.list(temp)) {
            assertEquals(1, siblings.count(), "no staging directory is left behind");
        }
    }

    @Test
    void replacesAnEarlierOutputWhole() throws Exception {
        Path out = temp.resolve("out");
        writer.write(out, tree(Map.of("postfix/transport", text("x\n", OutputFile.PUBLIC))), "{}\n".getBytes());
        writer.write(out, tree(Map.of("postfix/main.cf", text("new\n", OutputFile.PUBLIC))), "{}\n".getBytes());
        assertEquals(Map.of("postfix/main.cf", "new\n", Manifest.FILE_NAME, "{}\n"), snapshot(out));
    }

    @Test
    void leavesTheDirectoryAsItWasWhenWritingFails() throws Exception {
        Path out = temp.resolve("out");
        writer.write(out, tree(Map.of("postfix/main.cf", text("old\n", OutputFile.PUBLIC))), "{}\n".getBytes());
        Map<String, String> before = snapshot(out);
        // "a" is a file and "a/b" needs it to be a directory: the second write fails half-way.
        OutputTree impossible = tree(Map.of("a", text("file\n", OutputFile.PUBLIC), "a/b", text("x\n", OutputFile.PUBLIC)));
        assertThrows(OutputWriteException.class, () -> writer.write(out, impossible, "{}\n".getBytes()));
        assertEquals(before, snapshot(out));
        try (Stream<Path> siblings = Files.list(temp)) {
            assertEquals(1, siblings.count(), "the failed staging directory is removed");
        }
    }

    @Test
    void refusesADirectoryItDidNotWrite() throws Exception {
        Path out = Files.createDirectory(temp.resolve("home"));
        Files.writeString(out.resolve("thesis.tex"), "precious");
        OutputWriteException e = assertThrows(OutputWriteException.class,
                () -> writer.write(out, tree(Map.of("postfix/main.cf", text("x\n", OutputFile.PUBLIC))), "{}\n".getBytes()));
        assertTrue(e.getMessage().contains("did not write"), e.getMessage());
        assertArrayEquals("precious".getBytes(), Files.readAllBytes(out.resolve("thesis.tex")));
    }

    @Test
    void writesIntoAnEmptyDirectoryAndCreatesMissingParents() throws Exception {
        Path empty = Files.createDirectory(temp.resolve("empty"));
        writer.write(empty, tree(Map.of("f", text("1\n", OutputFile.PUBLIC))), "{}\n".getBytes());
        assertTrue(Files.exists(empty.resolve("f")));
        Path nested = temp.resolve("a/b/c");
        writer.write(nested, tree(Map.of("f", text("1\n", OutputFile.PUBLIC))), "{}\n".getBytes());
        assertTrue(Files.exists(nested.resolve("f")));
    }

    @Test
    void refusesAFileInThePlaceOfTheDirectory() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertThrows(OutputWriteException.class,
                () -> writer.write(file, tree(Map.of("f", text("1\n", OutputFile.PUBLIC))), "{}\n".getBytes()));
        assertFalse(Files.isDirectory(file));
    }
}
