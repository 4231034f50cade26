package io.mailform.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "mailform", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Validate declarative mail-system descriptions, compile them for Postfix and Apache James, and "
            + "prove them on both."},
        subcommands = {ValidateCommand.class, CompileCommand.class, ExplainCommand.class, TestCommandLine.class,
            RunCommandLine.class, ImportCommand.class, DiffCommand.class, SchemaCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "test and run start mail servers: they run in mailform's runtime, which the mailform launcher "
            + "puts on the class path (bin/mailform of the distribution, ci/mailform in a checkout)."})
public final class Main implements Runnable {
    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line and returns its exit code; never throws, never exits. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean stacktrace = Arrays.asList(args).contains("--stacktrace");
        Optional<ValidateShortcut.Request> plain = ValidateShortcut.read(args);
        if (plain.isPresent()) {
            int code;
            try {
                code = ValidateCommand.run(plain.get().files(), plain.get().report(), new InputOptions().limits(), out,
                        err);
            } catch (Exception exception) {
                code = internalError(exception, stacktrace, err);
            }
            out.flush();
            err.flush();
            return code;
        }
        CommandLine commandLine = new CommandLine(new Main(out, err))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler((exception, line, parsed) ->
                        internalError(exception, stacktrace, err));
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCode.INTERNAL);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int internalError(Exception exception, boolean stacktrace, PrintStream err) {
        err.println("mailform: internal error: " + exception);
        if (stacktrace) {
            exception.printStackTrace(err);
        } else {
            err.println("mailform: run again with --stacktrace for details, and report it as a bug");
        }
        return ExitCode.INTERNAL;
    }

    static PrintStream out(CommandSpec spec) {
        return root(spec).out;
    }

    static PrintStream err(CommandSpec spec) {
        return root(spec).err;
    }

    private static Main root(CommandSpec spec) {
        CommandSpec top = spec;
        while (top.parent() != null) {
            top = top.parent();
        }
        return (Main) top.userObject();
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
