package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailform.emit.OutputFile;
import io.mailform.emit.OutputTree;
import java.io.IOException;
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
 * The Postfix output of every example in examples/, compared as a whole tree with
 * {@code src/test/resources/golden/<example>/postfix/}: the same set of files, the same bytes, the same modes. Git
 * records no permission bits but the executable one, so the modes are kept beside the tree in
 * {@code golden/<example>/postfix.modes}.
 *
 * <p>After an intended change of the output, regenerate the golden files and review the diff before committing:
 * <pre>
 *   cd src && mvn -B test -Dtest=PostfixGoldenTest -Dmailform.golden.update=true
 * </pre>
 */
class PostfixGoldenTest {
    private static final String UPDATE = "mailform.golden.update";
    private static final Path GOLDEN = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("test/resources/golden");

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsGoldenTree() {
        return Examples.all().stream().map(example -> DynamicTest.dynamicTest(Examples.name(example), () -> {
            OutputTree tree = Examples.compile(example).tree();
            Path directory = GOLDEN.resolve(Examples.name(example));
            if (Boolean.getBoolean(UPDATE)) {
                write(tree, directory);
            }
            assertMatches(tree, directory);
        }));
    }

    private static void assertMatches(OutputTree tree, Path directory) throws IOException {
        Path root = directory.resolve(PostfixEmitter.TARGET);
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
        Path root = directory.resolve(PostfixEmitter.TARGET);
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
        Files.writeString(modesFile(directory), modes(tree));
    }

    private static Path modesFile(Path directory) {
        return directory.resolve(PostfixEmitter.TARGET + ".modes");
    }

    /** One {@code path mode} line per file, e.g. {@code sasl_passwd 0600}. */
    private static String modes(OutputTree tree) {
        List<String> lines = new ArrayList<>();
        tree.files().forEach((path, file) -> lines.add(path + " " + String.format("%04o", file.mode())));
        return String.join("\n", lines) + "\n";
    }
}
