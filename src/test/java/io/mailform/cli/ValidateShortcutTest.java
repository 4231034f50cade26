package io.mailform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.emit.ExampleFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The shortcut reads a plain validate command line exactly as picocli does, and leaves everything else to it. */
class ValidateShortcutTest {
    @Test
    void readsPlainCommandLinesAsPicocliDoes() {
        List<String[]> plain = List.of(
                new String[] {"validate", "a.yaml"},
                new String[] {"validate", "a.yaml", "b.yaml", "dir/c.yaml"},
                new String[] {"validate", "--format", "json", "a.yaml"},
                new String[] {"validate", "a.yaml", "--format=sarif", "b.yaml"},
                new String[] {"validate", "--format=github", "--warnings-as-errors", "--stacktrace", "a.yaml"},
                new String[] {"validate", "--stacktrace", "a.yaml", "--format", "text"},
                new String[] {"validate", "help", "validate", "a=b.yaml"});
        for (String[] args : plain) {
            Optional<ValidateShortcut.Request> read = ValidateShortcut.read(args);
            assertTrue(read.isPresent(), String.join(" ", args));
            ValidateCommand parsed = picocli(args);
            assertEquals(parsed.files, read.get().files(), String.join(" ", args));
            assertEquals(parsed.report.format, read.get().report().format, String.join(" ", args));
            assertEquals(parsed.report.warningsAsErrors, read.get().report().warningsAsErrors);
            assertEquals(parsed.report.stacktrace, read.get().report().stacktrace);
        }
    }

    @Test
    void leavesEverythingElseToPicocli() {
        List<String[]> others = List.of(
                new String[] {},
                new String[] {"validate"},
                new String[] {"compile", "a.yaml", "-o", "out"},
                new String[] {"schema"},
                new String[] {"--version"},
                new String[] {"validate", "--help"},
                new String[] {"validate", "-h", "a.yaml"},
                new String[] {"validate", "-V"},
                new String[] {"validate", "-"},
                new String[] {"validate", "@args"},
                new String[] {"validate", "--", "a.yaml"},
                new String[] {"validate", ""},
                new String[] {"validate", "--format"},
                new String[] {"validate", "--format", "JSON", "a.yaml"},
                new String[] {"validate", "--format=xml", "a.yaml"},
                new String[] {"validate", "--format", "json", "--format", "text", "a.yaml"},
                new String[] {"validate", "--stacktrace", "--stacktrace", "a.yaml"},
                new String[] {"validate", "--warnings-as-errors", "--warnings-as-errors", "a.yaml"},
                new String[] {"validate", "--warnings-as-errors"},
                new String[] {"validate", "--unknown", "a.yaml"},
                new String[] {"validate", "--max-input-size", "64M", "a.yaml"},
                new String[] {"validate", "--max-input-size=1", "a.yaml"},
                new String[] {"Validate", "a.yaml"});
        for (String[] args : others) {
            assertTrue(ValidateShortcut.read(args).isEmpty(), String.join(" ", args));
        }
    }

    @Test
    void runsLikePicocliRunsIt() {
        // the same run through the shortcut and through picocli: "--format JSON" is not a documented spelling
        String full = ExampleFiles.DIRECTORY.resolve("full.yaml").toString();
        String none = ExampleFiles.DIRECTORY.resolve("none.yaml").toString();
        CliRun shortcut = CliRun.of("validate", "--format", "json", full, none);
        CliRun picocli = CliRun.of("validate", "--format", "JSON", full, none);
        assertEquals(picocli, shortcut);
        CliRun missing = CliRun.of("validate", "no-such.yaml", full);
        CliRun missingPicocli = CliRun.of("validate", "--format", "TEXT", "no-such.yaml", full);
        assertEquals(missingPicocli, missing);
    }

    private static ValidateCommand picocli(String[] args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        CommandLine commandLine = new CommandLine(new Main(sink, sink)).setCaseInsensitiveEnumValuesAllowed(true);
        ParseResult result = commandLine.parseArgs(args);
        return (ValidateCommand) result.subcommand().commandSpec().userObject();
    }
}
