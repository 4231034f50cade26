package io.mailform.emit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example descriptions in examples/, for the tests of every target. */
public final class ExampleFiles {
    /** The module directory is the project's src/; Maven runs tests there. */
    public static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..")
            .normalize();
    public static final Path DIRECTORY = PROJECT.resolve("examples");

    private ExampleFiles() {
    }

    /** Every examples/*.yaml, sorted by name. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            List<Path> examples = files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(examples.size() >= 6, "expected the examples in " + DIRECTORY);
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code full} for examples/full.yaml. */
    public static String name(Path example) {
        return example.getFileName().toString().replaceFirst("\\.yaml$", "");
    }
}
