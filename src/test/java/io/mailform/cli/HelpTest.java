package io.mailform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mailform --help} lists every command there is, each with a whole sentence that fits its line; test and run,
 * which run in the runtime, are listed, helped and completed from mailform.jar, and say where they run when called
 * there.
 */
class HelpTest {
    private static final List<String> COMMANDS = List.of("validate", "compile", "explain", "test", "run", "import",
            "diff", "schema", "help");

    @TempDir
    Path dir;

    @Test
    void theHelpListsEveryCommandWithItsWholeSummaryOnOneLine() {
        CliRun help = CliRun.of("--help");
        assertEquals(ExitCode.OK, help.exitCode(), help.err());
        List<String> listed = new ArrayList<>();
        boolean inList = false;
        for (String line : help.out().lines().toList()) {
            if (line.equals("Commands:")) {
                inList = true;
            } else if (inList && line.startsWith("  ") && !line.startsWith("   ")) {
                String[] nameAndSummary = line.strip().split(" +", 2);
                listed.add(nameAndSummary[0]);
                assertTrue(nameAndSummary[1].endsWith("."), "a whole sentence: " + line);
            } else if (inList && line.startsWith("   ")) {
                throw new AssertionError("a summary runs on to a second line: " + line + "\n" + help.out());
            } else if (inList) {
                inList = false;
            }
        }
        assertEquals(COMMANDS, listed, help.out());
        for (CommandLine command : new CommandLine(new Main(System.out, System.err)).getSubcommands().values()) {
            if (command.getCommandName().equals("help")) {
                continue;   // picocli's own, with its summary as a header
            }
            String[] description = command.getCommandSpec().usageMessage().description();
            assertTrue(description[0].endsWith("."), command.getCommandName() + ": " + description[0]);
            assertTrue(description.length == 1 || description[1].isEmpty(),
                    command.getCommandName() + ": the summary is a line of its own, apart from what follows");
        }
    }

    @Test
    void everyUsageLineSaysMailform() {
        for (String command : COMMANDS) {
            CliRun help = CliRun.of("help", command);
            assertEquals(ExitCode.OK, help.exitCode(), help.err());
            assertTrue(help.out().lines().anyMatch(line -> line.startsWith("Usage: mailform " + command + " ")),
                    help.out());
        }
        CliRun test = CliRun.of("help", "test");
        assertTrue(test.out().contains("--format=FORMAT"), test.out());
        assertTrue(test.out().contains("2   usage error, or a server that was asked for cannot run here"), test.out());
        assertTrue(CliRun.of("help", "run").out().contains("--ports-file=F"));
    }

    @Test
    void testAndRunCalledOnMailformJarSayWhereTheyRun() {
        for (String command : List.of("test", "run")) {
            CliRun run = CliRun.of(command, "../examples/internet-site.yaml");
            assertEquals(ExitCode.USAGE, run.exitCode());
            assertEquals("", run.out());
            assertTrue(run.err().startsWith("mailform: " + command + " starts mail servers, so it runs in mailform's "
                    + "runtime, which mailform.jar does not carry: run it with the mailform launcher"), run.err());
        }
    }

    @Test
    void noCommandNamesThemAll() {
        CliRun none = CliRun.of();
        assertEquals(ExitCode.USAGE, none.exitCode());
        assertTrue(none.err().startsWith("name a command: " + String.join(", ", COMMANDS) + "\n"), none.err());
    }

    @Test
    void theCompletionScriptCompletesTestAndRunWithTheirOptions() throws Exception {
        Path script = dir.resolve("mailform");
        CompletionScript.main(new String[] {script.toString()});
        assertEquals(List.of("test"), BashCompletion.complete(script, "mailform", "te"));
        assertEquals(List.of("run"), BashCompletion.complete(script, "mailform", "ru"));
        assertEquals(List.of("--format"), BashCompletion.complete(script, "mailform", "test", "--form"));
        assertEquals(List.of("text", "json", "junit"),
                BashCompletion.complete(script, "mailform", "test", "--format", ""));
        assertEquals(List.of("--ports-file"), BashCompletion.complete(script, "mailform", "run", "--ports"));
        assertEquals(List.of("james", "postfix"), BashCompletion.complete(script, "mailform", "run", "--server", ""));
    }
}
