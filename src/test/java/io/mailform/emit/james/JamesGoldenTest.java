package io.mailform.emit.james;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.emit.OutputFile;
import io.mailform.emit.OutputTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The James output of every example in examples/, compared as a whole tree with
 * {@code src/test/resources/golden/<example>/james/}: the same files, the same bytes, the same modes (kept in
 * {@code golden/<example>/james.modes}, as git records no permission bits but the executable one). Mode none writes
 * no James files, so its golden tree is empty and its modes file too.
 *
 * <p>After an intended change of the output, regenerate the golden files and review the diff before committing:
 * <pre>
 *   cd src && mvn -B test -Dtest=JamesGoldenTest -Dmailform.golden.update=true
 * </pre>
 */
class JamesGoldenTest {
    private static final String UPDATE = "mailform.golden.update";
    static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();
    private static final Path GOLDEN = PROJECT.resolve("src/test/resources/golden");

    static List<Path> examples() {
        try (Stream<Path> files = Files.list(PROJECT.resolve("examples"))) {
            List<Path> examples = files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(examples.size() >= 6, "expected the examples in " + PROJECT.resolve("examples"));
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path example) {
        return example.getFileName().toString().replaceFirst("\\.yaml$", "");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsGoldenTree() {
        return examples().stream().map(example -> DynamicTest.dynamicTest(name(example), () -> {
            Compiled compiled = Compiled.file(example, Map.of());
            assertEquals(List.of(), compiled.frontEnd(), "the example must pass the checks");
            assertEquals(List.of(), compiled.emitter(), "the James target must have nothing to say");
            Path directory = GOLDEN.resolve(name(example));
            if (Boolean.getBoolean(UPDATE)) {
                write(compiled.tree(), directory);
            }
            assertMatches(compiled.tree(), directory);
        }));
    }

    private static void assertMatches(OutputTree tree, Path directory) throws IOException {
        Path root = directory.resolve(JamesEmitter.TARGET);
        Map<String, byte[]> golden = read(root);
        assertEquals(List.copyOf(golden.keySet()), List.copyOf(tree.files().keySet()),
                "the file set of " + root + " (regenerate with -D" + UPDATE + "=true after an intended change)");
        for (Map.Entry<String, OutputFile> entry : tree.files().entrySet()) {
            assertEquals(new String(golden.get(entry.getKey()), StandardCharsets.UTF_8),
                    new String(entry.getValue().content(), StandardCharsets.UTF_8), entry.getKey());
        }
        assertEquals(Files.readString(modesFile(directory)), modes(tree), "the modes of " + root);
    }

    private static Map<String, byte[]> read(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static void write(OutputTree tree, Path directory) throws IOException {
        Path root = directory.resolve(JamesEmitter.TARGET);
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        for (Map.Entry<String, OutputFile> entry : tree.files().entrySet()) {
            Path target = root.resolve(entry.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, entry.getValue().content());
        }
        Files.createDirectories(directory);
        Files.writeString(modesFile(directory), modes(tree));
    }

    private static Path modesFile(Path directory) {
        return directory.resolve(JamesEmitter.TARGET + ".modes");
    }

    /** One {@code path mode} line per file, e.g. {@code conf/mailetcontainer.xml 0600}. */
    private static String modes(OutputTree tree) {
        List<String> lines = new ArrayList<>();
        tree.files().forEach((path, file) -> lines.add(path + " " + String.format("%04o", file.mode())));
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
