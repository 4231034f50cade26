package io.mailform.emit.james;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.bind.Binder;
import io.mailform.bind.Bound;
import io.mailform.check.Checker;
import io.mailform.diag.Diagnostic;
import io.mailform.emit.EmitContext;
import io.mailform.emit.Emitted;
import io.mailform.emit.OutputFile;
import io.mailform.emit.OutputTree;
import io.mailform.model.MailSystem;
import io.mailform.yaml.ReadResult;
import io.mailform.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A description run through the front end (reader, binder, checker) and the James emitter, with every diagnostic
 * of both. The schema stage is left out: the descriptions here are schema-valid by construction.
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
        ReadResult read = new YamlReader().read(name, yaml.getBytes(StandardCharsets.UTF_8));
        List<Diagnostic> frontEnd = new ArrayList<>(read.diagnostics());
        assertTrue(read.document().isPresent(), () -> name + ": " + frontEnd);
        Bound bound = new Binder().bind(read.document().get(), read.source(), read.sourceMap());
        frontEnd.addAll(bound.diagnostics());
        assertTrue(bound.mailSystem().isPresent(), () -> name + ": " + frontEnd);
        MailSystem system = bound.mailSystem().get();
        frontEnd.addAll(Checker.standard().check(system, read.source(), read.sourceMap()));
        EmitContext context = new EmitContext(name, baseDirectory, environment, read.sourceMap());
        Emitted emitted = new JamesEmitter().emit(system, read.source(), context);
        return new Compiled(system, emitted.tree(), List.copyOf(frontEnd), emitted.diagnostics());
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
