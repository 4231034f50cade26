package io.mailform.emit.james;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.diag.Diagnostic;
import io.mailform.emit.EmitContext;
import io.mailform.emit.Emitted;
import io.mailform.emit.OutputFile;
import io.mailform.emit.OutputTree;
import io.mailform.model.MailSystem;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A description run through the whole front end (YAML, schema, binding, semantic rules) and the James emitter, with
 * the diagnostics of both.
 */
record Compiled(MailSystem system, OutputTree tree, List<Diagnostic> frontEnd, List<Diagnostic> emitter) {
    static Compiled file(Path file, Map<String, String> environment) {
        try {
            return of(file.getFileName().toString(), Files.readString(file), file.toAbsolutePath().getParent(),
                    environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Compiled yaml(String yaml) {
        return of("site.yaml", yaml, Path.of("."), Map.of());
    }

    static Compiled of(String name, String yaml, Path baseDirectory, Map<String, String> environment) {
        Validation validation = new Pipeline().validate(name, yaml.getBytes(StandardCharsets.UTF_8));
        assertTrue(validation.mailSystem().isPresent(), () -> name + ": " + validation.diagnostics());
        EmitContext context = new EmitContext(name, baseDirectory, environment, validation.sourceMap());
        Emitted emitted = new JamesEmitter().emit(validation.mailSystem().get(), validation.source(), context);
        return new Compiled(validation.mailSystem().get(), emitted.tree(), validation.diagnostics(),
                emitted.diagnostics());
    }

    /** The file's text; the file must exist. */
    String text(String path) {
        OutputFile file = tree.files().get(path);
        assertTrue(file != null, "no " + path + " in " + tree.files().keySet());
        return new String(file.content(), StandardCharsets.UTF_8);
    }

    int mode(String path) {
        return tree.files().get(path).mode();
    }
}
