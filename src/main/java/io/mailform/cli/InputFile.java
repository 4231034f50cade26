package io.mailform.cli;

import io.mailform.yaml.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One input named on the command line: a path, or {@code -} for standard input. Reads one byte more than the
 * limit so that an oversized file is recognised without reading all of it.
 */
record InputFile(String argument) {
    static final String STDIN = "-";

    String displayName() {
        return isStdin() ? "<stdin>" : argument;
    }

    boolean isStdin() {
        return argument.equals(STDIN);
    }

    /** The directory relative paths in the description are resolved against. */
    Path baseDirectory() {
        if (isStdin()) {
            return Path.of("").toAbsolutePath();
        }
        Path parent = Path.of(argument).toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }

    /** The file name for generated headers: the same for the same file wherever it is compiled from. */
    String baseName() {
        return isStdin() ? "<stdin>" : Optional.ofNullable(Path.of(argument).getFileName()).map(Path::toString)
                .orElse(argument);
    }

    /** The content, up to one byte past the reader's limit; or empty after telling {@code err} why it failed. */
    Optional<byte[]> readOrReport(Limits limits, InputStream stdin, PrintStream err) {
        try {
            return Optional.of(read(limits.maxBytes(), stdin));
        } catch (IOException e) {
            err.println("mailform: cannot read " + displayName() + ": " + Main.describe(e));
            return Optional.empty();
        }
    }

    byte[] read(int limit, InputStream stdin) throws IOException {
        if (isStdin()) {
            return stdin.readNBytes(limit + 1);
        }
        Path path = Path.of(argument);
        if (Files.isDirectory(path)) {
            throw new IOException(argument + " is a directory, not a YAML file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(limit + 1);
        }
    }
}
