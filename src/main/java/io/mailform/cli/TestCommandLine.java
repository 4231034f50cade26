package io.mailform.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line of {@code mailform test}, which the runtime's TestCommand runs (see {@link RuntimeCommand}). */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Prove the description on James and on a private Postfix.", "",
            "Runs the cases of SCENARIOS (or cases generated from DESCRIPTION) on Apache James and on a private "
                + "instance of this host's Postfix, both compiled from DESCRIPTION, and reports each case: its "
                + "replies and where every copy ended up."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every case passed on every server",
            "1:a case failed, or a description or scenario file has errors",
            "2:usage error, or a server that was asked for cannot run here",
            "3:a file could not be read or written",
            "5:no case was judged for a scenario file or for the generated cases: there were none, the oracle could "
                + "judge none of those generated, or none could run; this run tested nothing there"})
public class TestCommandLine extends RuntimeCommand {
    /** Which servers to run on. */
    public enum ServerChoice {
        james, postfix, both
    }

    /** How to print the report. */
    public enum ReportFormat {
        text, json, junit
    }

    @Parameters(index = "0", paramLabel = "DESCRIPTION", description = "The YAML description to test.")
    protected Path description;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "SCENARIOS",
            description = "Scenario files; without any, cases are generated from the description.")
    protected List<Path> scenarioFiles = new ArrayList<>();

    @Option(names = "--server", paramLabel = "SERVER",
            description = "james, postfix or both (default: both where Postfix is installed and this runs as root, "
                    + "else james).")
    protected ServerChoice server;

    @Option(names = "--generate", description = "Also run the cases generated from the description.")
    protected boolean generate;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Save the generated cases as a scenario file to edit, and run them.")
    protected Path write;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or junit (default: ${DEFAULT-VALUE}).")
    protected ReportFormat format = ReportFormat.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report here instead of standard output.")
    protected Path output;
}
