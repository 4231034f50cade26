package io.mailform.runtime.compile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.diag.render.TextRenderer;
import io.mailform.emit.EmitContext;
import io.mailform.emit.Emitter;
import io.mailform.emit.james.JamesEmitter;
import io.mailform.emit.postfix.PostfixEmitter;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.output.AtomicTreeWriter;
import io.mailform.output.Manifest;
import io.mailform.output.OutputWriteException;
import io.mailform.pipeline.Compilation;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import io.mailform.runtime.config.StartupException;
import io.mailform.source.SourceFile;

/**
 * Compiles a YAML description for the runtime into a new temporary directory that the runtime then starts: for James
 * with the James target only, as {@code mailform compile --target james} would; for Postfix with every target, as
 * {@code mailform compile} does by default, because the Postfix server takes its accounts from the James target's
 * provisioning.json (the Postfix files do not name users, which are system accounts). Errors stop the start with the
 * compiler's own diagnostics; warnings are printed to stderr and the start goes on.
 */
public final class DescriptionCompiler {
    private static final String GENERATOR = "mailform-runtime";
    private static final String MODE_NONE = "mode none has %s (its main.cf is maintained by hand, so what the system "
        + "does is not in the description); there is nothing to start. Describe the system with another mode to run it";

    private DescriptionCompiler() {
    }

    /**
     * @param environment where password_env variables are looked up
     * @return the new directory, holding {@code james/}; the caller deletes it
     */
    public static Path compile(Path description, Map<String, String> environment, PrintStream warnings)
            throws StartupException {
        Compiled compiled = compile(description, environment, List.of(new JamesEmitter()), "James");
        compiled.printWarnings(warnings, diagnostic -> true);
        if (compiled.compilation().tree().files().isEmpty()) {
            throw new StartupException(compiled.name() + ": " + String.format(MODE_NONE, "no James configuration"));
        }
        return compiled.write();
    }

    /**
     * Compiles for every target; warnings about what the James configuration cannot express are left out, as they do
     * not concern a Postfix instance.
     *
     * @return the new directory, holding {@code postfix/} and {@code james/}; the caller deletes it
     */
    public static Path compileForPostfix(Path description, Map<String, String> environment, PrintStream warnings)
            throws StartupException {
        Compiled compiled = compile(description, environment, List.of(new PostfixEmitter(), new JamesEmitter()),
            "Postfix");
        if (compiled.validation().mailSystem().map(MailSystem::mode).orElse(null) == Mode.NONE) {
            throw new StartupException(compiled.name() + ": " + String.format(MODE_NONE,
                "no main.cf of its own but parameters to merge into this host's"));
        }
        compiled.printWarnings(warnings, diagnostic -> diagnostic.code() != Code.JAMES_UNSUPPORTED);
        return compiled.write();
    }

    private static Compiled compile(Path description, Map<String, String> environment, List<Emitter> emitters,
            String server) throws StartupException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(description);
        } catch (IOException e) {
            throw new StartupException(description + ": cannot read the description: " + e.getMessage(), e);
        }
        String name = description.toString();
        Pipeline pipeline = new Pipeline();
        Validation validation = pipeline.validate(name, bytes);
        if (validation.hasErrors()) {
            throw new StartupException(name + " has errors; nothing was started\n"
                + render(validation.source(), validation.diagnostics()));
        }
        Path baseDirectory = description.toAbsolutePath().getParent();
        EmitContext context = new EmitContext(name, baseDirectory, environment, validation.sourceMap());
        Compilation compilation = pipeline.compile(validation, emitters, context);
        List<Diagnostic> all = new ArrayList<>(validation.diagnostics());
        all.addAll(compilation.diagnostics());
        if (compilation.hasErrors()) {
            throw new StartupException(name + " cannot be compiled for " + server + "; nothing was started\n"
                + render(validation.source(), all));
        }
        return new Compiled(name, bytes, validation, compilation, all);
    }

    private record Compiled(String name, byte[] bytes, Validation validation, Compilation compilation,
            List<Diagnostic> diagnostics) {
        void printWarnings(PrintStream warnings, Predicate<Diagnostic> relevant) {
            List<Diagnostic> shown = diagnostics.stream().filter(relevant).toList();
            if (!shown.isEmpty()) {
                warnings.print(render(validation.source(), shown));
            }
        }

        Path write() throws StartupException {
            try {
                // Empty, so the writer may replace it with the compiled tree.
                Path target = Files.createTempDirectory("mailform-compiled-");
                byte[] manifest = Manifest.describe(compilation.tree(), GENERATOR, name, Manifest.sourceDigest(bytes));
                new AtomicTreeWriter().write(target, compilation.tree(), manifest);
                return target;
            } catch (IOException | OutputWriteException e) {
                throw new StartupException("cannot write the compiled configuration of " + name + ": "
                    + e.getMessage(), e);
            }
        }
    }

    private static String render(SourceFile source, List<Diagnostic> diagnostics) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            new TextRenderer(false).render(diagnostics, Map.of(source.name(), source), out);
        }
        return text.toString(StandardCharsets.UTF_8);
    }
}
