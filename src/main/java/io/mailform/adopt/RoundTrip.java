package io.mailform.adopt;

import io.mailform.diag.Diagnostic;
import io.mailform.emit.EmitContext;
import io.mailform.emit.OutputFile;
import io.mailform.emit.postfix.PostfixEmitter;
import io.mailform.pipeline.Compilation;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import io.mailform.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validates a written description and compiles it for Postfix, in process, as {@code mailform compile} would; the
 * compiled main.cf is read back with the same reader as the host's, so that the two can be compared parameter by
 * parameter. Password files are stood in for by placeholders in a private directory: no main.cf parameter depends
 * on a password, and the host's passwords are never read.
 */
final class RoundTrip {
    static final String NAME = "imported.yaml";
    private static final String MAIN_CF = PostfixEmitter.TARGET + "/main.cf";

    private final Pipeline pipeline = new Pipeline();

    /** Either the problems that stop compilation (positioned in the YAML) or the compiled parameters. */
    record Outcome(List<Diagnostic> errors, List<Diagnostic> warnings, Map<String, String> compiled) {
    }

    Outcome run(String yaml, List<String> passwordFiles) {
        Validation validation = pipeline.validate(NAME, yaml.getBytes(StandardCharsets.UTF_8));
        List<Diagnostic> errors = validation.diagnostics().stream().filter(Diagnostic::isError).toList();
        List<Diagnostic> warnings = new ArrayList<>(validation.diagnostics().stream()
                .filter(diagnostic -> !diagnostic.isError()).toList());
        if (!errors.isEmpty() || validation.mailSystem().isEmpty()) {
            return new Outcome(errors, warnings, Map.of());
        }
        Path secrets = null;
        try {
            secrets = Files.createTempDirectory("mailform-import-");
            for (String file : passwordFiles) {
                Path placeholder = secrets.resolve(file);
                Files.createDirectories(placeholder.getParent());
                Files.writeString(placeholder, "placeholder\n");
            }
            EmitContext context = new EmitContext(NAME, secrets, Map.of(), validation.sourceMap());
            Compilation compilation = pipeline.compile(validation, List.of(new PostfixEmitter()), context);
            List<Diagnostic> compileErrors = compilation.diagnostics().stream().filter(Diagnostic::isError).toList();
            warnings.addAll(compilation.diagnostics().stream().filter(diagnostic -> !diagnostic.isError()).toList());
            if (!compileErrors.isEmpty()) {
                return new Outcome(compileErrors, warnings, Map.of());
            }
            Map<String, String> compiled = new LinkedHashMap<>();
            Optional.ofNullable(compilation.tree().files().get(MAIN_CF)).map(OutputFile::content)
                    .map(bytes -> MainCfReader.read(new SourceFile(MAIN_CF, new String(bytes, StandardCharsets.UTF_8))))
                    .ifPresent(main -> main.effective().forEach((name, setting) -> compiled.put(name, setting.value())));
            return new Outcome(List.of(), warnings, compiled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(secrets);
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
