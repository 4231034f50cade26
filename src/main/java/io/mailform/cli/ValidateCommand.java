package io.mailform.cli;

import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import io.mailform.yaml.Limits;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Check mail-system descriptions and report every problem.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:valid (warnings allowed)", "1:a description has errors", "2:usage error",
            "3:a file could not be read", "4:internal error"})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "YAML descriptions; - reads standard input.")
    List<String> files;

    @Mixin
    ReportOptions report;

    @Mixin
    InputOptions inputOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(files, report, inputOptions.limits(), Main.out(spec), Main.err(spec));
    }

    /** Validates every file and prints the diagnostics of all of them; the exit code of the most serious outcome. */
    static int run(List<String> files, ReportOptions report, Limits limits, PrintStream out, PrintStream err) {
        Preparation.start();
        Reporter reporter = new Reporter(report, out, err);
        Outcome outcome = new Outcome();
        Pipeline pipeline = new Pipeline(limits);
        for (String argument : files) {
            InputFile input = new InputFile(argument);
            Optional<byte[]> bytes = input.readOrReport(limits, System.in, err);
            if (bytes.isEmpty()) {
                outcome.record(ExitCode.IO);
                continue;
            }
            Validation validation = pipeline.validate(input.displayName(), bytes.get());
            reporter.add(validation.source(), validation.diagnostics());
            outcome.record(reporter.fails(validation.diagnostics()) ? ExitCode.INVALID : ExitCode.OK);
        }
        reporter.print();
        return outcome.exitCode();
    }
}
