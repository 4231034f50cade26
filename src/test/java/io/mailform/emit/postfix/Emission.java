package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.emit.EmitContext;
import io.mailform.emit.Emitted;
import io.mailform.emit.OutputFile;
import io.mailform.model.MailSystem;
import io.mailform.source.SourceFile;
import io.mailform.yaml.SourceMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run of the Postfix emitter in a test, with accessors for what it wrote. */
record Emission(Emitted emitted) {
    static final SourceFile SOURCE = new SourceFile("dir/site.yaml", "");

    static Emission of(MailSystem system) {
        return of(system, SourceMap.empty(), Map.of(), Path.of("."));
    }

    static Emission of(MailSystem system, SourceMap sourceMap, Map<String, String> environment, Path baseDirectory) {
        EmitContext context = new EmitContext(SOURCE.name(), baseDirectory, environment, sourceMap);
        return new Emission(new PostfixEmitter().emit(system, SOURCE, context));
    }

    List<Diagnostic> diagnostics() {
        return emitted.diagnostics();
    }

    List<Code> codes() {
        return diagnostics().stream().map(Diagnostic::code).toList();
    }

    boolean has(String path) {
        return emitted.tree().files().containsKey(path);
    }

    OutputFile file(String path) {
        OutputFile file = emitted.tree().files().get(path);
        assertTrue(file != null, () -> "no " + path + " in " + emitted.tree().files().keySet() + "; "
                + emitted.diagnostics());
        return file;
    }

    String text(String path) {
        return new String(file(path).content(), StandardCharsets.UTF_8);
    }

    /** main.cf's parameters as {@code name = value} lines, comments left out. */
    List<String> mainCfLines() {
        List<String> lines = new ArrayList<>();
        for (String line : text("main.cf").split("\n")) {
            if (!line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }

    List<String> mainCfNames() {
        return mainCfLines().stream().map(line -> line.substring(0, line.indexOf(" = "))).toList();
    }

    /** The value of one main.cf parameter, or null. */
    String mainCf(String name) {
        return mainCfLines().stream().filter(line -> line.startsWith(name + " = "))
                .map(line -> line.substring(name.length() + 3)).findFirst().orElse(null);
    }
}
