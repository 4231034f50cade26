package io.mailform.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailform.emit.james.JamesEmitter;
import io.mailform.emit.postfix.PostfixEmitter;
import io.mailform.pipeline.Compilation;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The output of every example in examples/ for every target, compared as a whole tree with
 * {@code src/test/resources/golden/<example>/<target>/}: the same set of files, the same bytes, the same modes. Git
 * records no permission bits but the executable one, so the modes are kept beside each tree in
 * {@code golden/<example>/<target>.modes}. Mode none writes no James files: that tree and its modes file are empty.
 *
 * <p>After an intended change of the output, regenerate the golden files and review the diff before committing:
 * <pre>
 *   cd src && mvn -B test -Dtest=GoldenTest -Dmailform.golden.update=true
 * </pre>
 */
class GoldenTest {
    private static final String UPDATE = "mailform.golden.update";
    private static final Path GOLDEN = ExampleFiles.PROJECT.resolve("src/test/resources/golden");
    private static final List<Emitter> TARGETS = List.of(new PostfixEmitter(), new JamesEmitter());

    @TestFactory
    Stream<DynamicContainer> everyExampleMatchesItsGoldenTrees() {
        return ExampleFiles.all().stream().map(example -> DynamicContainer.dynamicContainer(ExampleFiles.name(example),
                TARGETS.stream().map(target -> DynamicTest.dynamicTest(target.target(),
                        () -> check(example, target)))));
    }

    private static void check(Path example, Emitter target) throws IOException {
        String name = example.getFileName().toString();
        Pipeline pipeline = new Pipeline();
        Validation validation = pipeline.validate(name, Files.readAllBytes(example));
        assertEquals(List.of(), validation.diagnostics(), name + " must validate without any diagnostic");
        Compilation compilation = pipeline.compile(validation, List.of(target),
                new EmitContext(name, ExampleFiles.DIRECTORY, Map.of(), validation.sourceMap()));
        assertEquals(List.of(), compilation.diagnostics(), name + " must compile without any diagnostic");
        Path directory = GOLDEN.resolve(ExampleFiles.name(example));
        Map<String, OutputFile> tree = new TreeMap<>();
        String prefix = target.target() + "/";
        compilation.tree().files().forEach((path, file) -> tree.put(path.substring(prefix.length()), file));
        if (Boolean.getBoolean(UPDATE)) {
            write(tree, directory, target.target());
        }
        assertMatches(tree, directory, target.target());
    }

    private static void assertMatches(Map<String, OutputFile> tree, Path directory, String target) throws IOException {
        Path root = directory.resolve(target);
        Map<String, byte[]> golden = read(root);
        assertEquals(List.copyOf(golden.keySet()), List.copyOf(tree.keySet()),
                "the file set of " + root + " (regenerate with -D" + UPDATE + "=true after an intended change)");
        for (Map.Entry<String, OutputFile> entry : tree.entrySet()) {
            assertEquals(new String(golden.get(entry.getKey()), StandardCharsets.UTF_8),
                    new String(entry.getValue().content(), StandardCharsets.UTF_8), entry.getKey());
        }
        assertEquals(Files.readString(directory.resolve(target + ".modes")), modes(tree), "the modes of " + root);
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

    private static void write(Map<String, OutputFile> tree, Path directory, String target) throws IOException {
        Path root = directory.resolve(target);
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        for (Map.Entry<String, OutputFile> entry : tree.entrySet()) {
            Path file = root.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue().content());
        }
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(target + ".modes"), modes(tree));
    }

    /** One {@code path mode} line per file, e.g. {@code sasl_passwd 0600}. */
    private static String modes(Map<String, OutputFile> tree) {
        List<String> lines = new ArrayList<>();
        tree.forEach((path, file) -> lines.add(path + " " + String.format("%04o", file.mode())));
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
