package io.mailform.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs in mailform's runtime, the module that starts Apache James and a private Postfix, which
 * mailform.jar does not carry. Its command line (options, help, completion) is declared in a subclass here, so that
 * {@code mailform --help}, {@code mailform help COMMAND} and the completion script show it; the runtime's command
 * extends that class with what it does, and the launchers (bin/mailform, ci/mailform) run it there. Run from
 * mailform.jar alone, it says where it runs.
 */
public abstract class RuntimeCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Main.err(spec).println("mailform: " + spec.name() + " starts mail servers, so it runs in mailform's runtime, "
                + "which mailform.jar does not carry: run it with the mailform launcher (bin/mailform of the "
                + "distribution, or ci/mailform in a checkout), which puts the runtime on the class path");
        return ExitCode.USAGE;
    }
}
