package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.emit.EmitContext;
import io.mailform.emit.ExampleFiles;
import io.mailform.emit.Emitted;
import io.mailform.emit.OutputFile;
import io.mailform.emit.OutputTree;
import io.mailform.model.MailSystem;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The example descriptions of examples/ and their compilation by the Postfix emitter, after the whole front end
 * (YAML, schema, binding, semantic rules) has found nothing at all to say about them.
 */
final class Examples {
    static final Path PROJECT = ExampleFiles.PROJECT;
    static final Path DIRECTORY = ExampleFiles.DIRECTORY;

    private Examples() {
    }

    static List<Path> all() {
        return ExampleFiles.all();
    }

    static String name(Path example) {
        return ExampleFiles.name(example);
    }

    /** The model of a description, asserting that the front end has nothing at all to say about it. */
    static Compiled compile(Path file) {
        return compile(file, Map.of());
    }

    static Compiled compile(Path file, Map<String, String> environment) {
        try {
            String name = PROJECT.relativize(file.toAbsolutePath()).toString();
            return compile(name, Files.readAllBytes(file), file.toAbsolutePath().getParent(), environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A description given as bytes; {@code baseDirectory} is where its relative password files would be. */
    static Compiled compile(String name, byte[] yaml, Path baseDirectory, Map<String, String> environment) {
        Validation validation = new Pipeline().validate(name, yaml);
        assertEquals(List.of(), validation.diagnostics(), name + " must validate without any diagnostic");
        MailSystem system = validation.mailSystem().orElseThrow();
        EmitContext context = new EmitContext(name, baseDirectory, environment, validation.sourceMap());
        Emitted emitted = new PostfixEmitter().emit(system, validation.source(), context);
        assertEquals(List.of(), emitted.diagnostics(), name + " must compile without any diagnostic");
        return new Compiled(system, emitted.tree());
    }

    record Compiled(MailSystem system, OutputTree tree) {
        /** The file's text; the file must exist. */
        String text(String path) {
            OutputFile file = tree.files().get(path);
            assertTrue(file != null, "no " + path + " in " + tree.files().keySet());
            return new String(file.content(), java.nio.charset.StandardCharsets.UTF_8);
        }

        /** Writes the tree into {@code directory} with each file's mode. */
        void writeTo(Path directory) throws IOException {
            for (Map.Entry<String, OutputFile> entry : tree.files().entrySet()) {
                Path target = directory.resolve(entry.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, entry.getValue().content());
                Files.setPosixFilePermissions(target, permissions(entry.getValue().mode()));
            }
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = java.util.EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE,
        };
        for (int bit = 0; bit < 9; bit++) {
            if ((mode & (0400 >> bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}
