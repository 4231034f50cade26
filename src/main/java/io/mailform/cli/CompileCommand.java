package io.mailform.cli;

import io.mailform.diag.render.Format;
import io.mailform.output.AtomicTreeWriter;
import io.mailform.output.Manifest;
import io.mailform.output.OutputWriteException;
import io.mailform.pipeline.Compilation;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Validate a description and write the files of each target into DIR.", "",
            "DIR is replaced as a whole, atomically: after an error it is exactly as before."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the description has errors (nothing written)", "2:usage error",
            "3:a file could not be read or written (nothing written)", "4:internal error"})
final class CompileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The YAML description; - reads standard input.")
    String file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory; created, or replaced if mailform wrote it before.")
    Path output;

    @Option(names = "--target", paramLabel = "TARGET", defaultValue = "all",
            description = "What to generate: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Target target = Target.ALL;

    @Mixin
    ReportOptions report;

    @Mixin
    InputOptions inputOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Preparation.start();
        InputFile input = new InputFile(file);
        Pipeline pipeline = new Pipeline(inputOptions.limits());
        Optional<Read> read = readAndValidate(input, pipeline);
        if (read.isEmpty()) {
            return ExitCode.IO;
        }
        Validation validation = read.get().validation();
        Reporter reporter = new Reporter(report, Main.out(spec), Main.err(spec));
        Optional<Compilation> compiled = ReportedCompilation.of(pipeline, validation, input, target.emitters(),
                reporter);
        if (compiled.isEmpty()) {
            return ExitCode.INVALID;
        }
        Compilation compilation = compiled.get();
        reporter.print();
        byte[] manifest = Manifest.describe(compilation.tree(), Version.text(), input.baseName(),
                read.get().sourceDigest());
        try {
            new AtomicTreeWriter().write(output, compilation.tree(), manifest);
        } catch (OutputWriteException e) {
            Main.err(spec).println("mailform: " + e.getMessage());
            return ExitCode.IO;
        }
        if (report.format == Format.TEXT) {
            Main.err(spec).println("mailform: wrote " + compilation.tree().files().size() + " files to " + output);
        }
        return ExitCode.OK;
    }

    /** A validated description and the digest of its bytes, which are not kept: a large one would be held twice. */
    private record Read(Validation validation, String sourceDigest) {
    }

    private Optional<Read> readAndValidate(InputFile input, Pipeline pipeline) {
        return input.readOrReport(inputOptions.limits(), System.in, Main.err(spec))
                .map(bytes -> new Read(pipeline.validate(input.displayName(), bytes), Manifest.sourceDigest(bytes)));
    }
}
