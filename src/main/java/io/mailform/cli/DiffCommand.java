package io.mailform.cli;

import io.mailform.diag.Diagnostic;
import io.mailform.diag.Diagnostics;
import io.mailform.diag.render.Format;
import io.mailform.emit.postfix.PostfixProvenance;
import io.mailform.model.MailSystem;
import io.mailform.pipeline.Compilation;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import io.mailform.sync.Difference;
import io.mailform.sync.HostDrift;
import io.mailform.yaml.Findings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Compare the description with what a host has installed.", "",
            "Compares what the description compiles to with the host: main.cf parameter by parameter (by postconf -n), aliases and lookup tables entry by entry with "
                + "their .db files, /etc/mailname, and the modes of the files holding relay passwords. Each "
                + "difference is reported at the YAML key responsible."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no drift", "1:drift, or the description has errors", "2:usage error",
            "3:a file could not be read, or postconf is missing", "4:internal error"})
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DESCRIPTION", description = "The YAML description; - reads standard input.")
    String file;

    @Option(names = "--against", paramLabel = "DIR|ROOT", defaultValue = "/",
            description = {"What to compare with: a ROOT holding etc/postfix, etc/aliases and etc/mailname, or a "
                    + "directory holding main.cf and the other files side by side (compile's output, or its "
                    + "postfix/) (default: ${DEFAULT-VALUE})."})
    Path against;

    @Mixin
    ReportOptions report;

    @Mixin
    InputOptions inputOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintStream err = Main.err(spec);
        InputFile input = new InputFile(file);
        Optional<byte[]> read = input.readOrReport(inputOptions.limits(), System.in, err);
        if (read.isEmpty()) {
            return ExitCode.IO;
        }
        Pipeline pipeline = new Pipeline(inputOptions.limits());
        Validation validation = pipeline.validate(input.displayName(), read.get());
        Reporter reporter = new Reporter(report, Main.out(spec), err);
        Optional<Compilation> compiled = ReportedCompilation.of(pipeline, validation, input,
                Target.POSTFIX.emitters(), reporter);
        if (compiled.isEmpty()) {
            return ExitCode.INVALID;
        }
        Compilation compilation = compiled.get();
        MailSystem system = validation.mailSystem().orElseThrow();
        List<Difference> differences;
        try {
            differences = HostDrift.withPostconf().between(compilation.tree(), PostfixProvenance.of(system), against);
        } catch (IOException e) {
            reporter.print();
            err.println("mailform: cannot compare with " + against + ": " + Main.describe(e));
            return ExitCode.IO;
        }
        reporter.add(validation.source(), atKeys(validation, differences));
        reporter.print();
        if (report.format == Format.TEXT) {
            err.println(differences.isEmpty()
                    ? "mailform: no drift: " + against + " has what " + input.displayName() + " describes"
                    : "mailform: " + differences.size() + (differences.size() == 1 ? " difference" : " differences")
                            + " between " + against + " and " + input.displayName());
        }
        return differences.isEmpty() ? ExitCode.OK : ExitCode.INVALID;
    }

    /** Each difference as a diagnostic at the YAML key responsible, in the order of the description. */
    private static List<Diagnostic> atKeys(Validation validation, List<Difference> differences) {
        Diagnostics drift = new Diagnostics(validation.source());
        Findings findings = new Findings(drift, validation.sourceMap());
        for (Difference difference : differences) {
            if (difference.atKey()) {
                findings.atKey(difference.code(), difference.pointer(), difference.message(), difference.help());
            } else {
                findings.atValue(difference.code(), difference.pointer(), difference.message(), difference.help());
            }
        }
        return drift.toList().stream().sorted(Diagnostic.BY_POSITION).toList();
    }
}
