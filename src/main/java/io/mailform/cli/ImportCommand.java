package io.mailform.cli;

import io.mailform.adopt.ImportResult;
import io.mailform.adopt.Importer;
import io.mailform.diag.Diagnostic;
import io.mailform.diag.render.Format;
import io.mailform.output.AtomicFileWriter;
import io.mailform.output.OutputWriteException;
import io.mailform.source.SourceFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Write a description of an existing Postfix host.", "",
            "The description compiles back to the host. It reads main.cf, the aliases file, the mailname and the tables main.cf names. What cannot be carried over "
                + "is reported at its line, and the rest is still written. Passwords are never copied: it says which "
                + "file to put each one in."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written, everything carried over",
            "1:written, but some settings could not be carried over (see the diagnostics)", "2:usage error",
            "3:a file could not be read or written (nothing written)", "4:internal error"})
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "/etc/postfix",
            description = "Postfix's configuration directory (default: ${DEFAULT-VALUE}).")
    Path configDirectory;

    @Option(names = "--aliases", paramLabel = "FILE", defaultValue = "/etc/aliases",
            description = "The aliases file (default: ${DEFAULT-VALUE}).")
    Path aliases;

    @Option(names = "--mailname", paramLabel = "FILE", defaultValue = "/etc/mailname",
            description = "The mailname file (default: ${DEFAULT-VALUE}).")
    Path mailname;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the description to FILE, atomically (default: standard output).")
    Path output;

    @Mixin
    ReportOptions report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintStream err = Main.err(spec);
        if (report.format != Format.TEXT && output == null) {
            // Machine-readable diagnostics go to standard output, where the description would go too.
            err.println("mailform: import --format " + report.format.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs -o FILE for the description, since the diagnostics take standard output");
            return ExitCode.USAGE;
        }
        ImportResult result;
        try {
            result = new Importer().run(new Importer.Request(configDirectory, aliases, mailname));
        } catch (IOException e) {
            err.println("mailform: " + e.getMessage());
            return ExitCode.IO;
        }
        Reporter reporter = new Reporter(report, Main.out(spec), err);
        for (SourceFile source : result.sources()) {
            reporter.add(source, result.diagnostics().stream()
                    .filter(diagnostic -> diagnostic.file().equals(source.name())).toList());
        }
        // A diagnostic about a file whose text is not at hand is still shown, without a snippet.
        java.util.Set<String> shown = new java.util.HashSet<>(result.sources().stream().map(SourceFile::name).toList());
        result.diagnostics().stream().map(Diagnostic::file).filter(file -> !shown.contains(file)).distinct()
                .forEach(file -> reporter.add(new SourceFile(file, ""), result.diagnostics().stream()
                        .filter(diagnostic -> diagnostic.file().equals(file)).toList()));
        reporter.print();
        byte[] yaml = result.yaml().getBytes(StandardCharsets.UTF_8);
        if (output == null) {
            Main.out(spec).write(yaml, 0, yaml.length);
        } else {
            try {
                new AtomicFileWriter().write(output, yaml);
            } catch (OutputWriteException e) {
                err.println("mailform: " + e.getMessage());
                return ExitCode.IO;
            }
        }
        if (report.format == Format.TEXT) {
            result.notes().forEach(note -> err.println("mailform: note: " + note));
            err.println("mailform: " + (output == null ? "wrote" : "wrote " + output + ":") + " a description in mode "
                    + result.mode().key() + (result.hasErrors()
                            ? ", without what the errors above name" : ""));
        }
        return reporter.fails(result.diagnostics()) ? ExitCode.INVALID : ExitCode.OK;
    }
}
