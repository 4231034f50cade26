package io.mailform.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.server.MailSystemRuntime;
import io.mailform.runtime.server.RunningMailSystem;
import io.mailform.runtime.server.RuntimeOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run DIR}: starts the James configuration compiled into DIR, prints one {@code ready smtp=... imap=...} line on
 * stdout once SMTP answers, and runs until SIGTERM or SIGINT. Logs go to stderr.
 */
@Command(name = "mailform-runtime", mixinStandardHelpOptions = true, subcommands = RunMain.Run.class,
    description = "Runs a compiled mail system on Apache James.")
public final class RunMain {
    static final int EXIT_CANNOT_START = 1;

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/mailform/runtime/logback-run.xml");
        }
        System.exit(new CommandLine(new RunMain()).execute(args));
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start DIR/james (as written by `mailform compile -o DIR`) on 127.0.0.1.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "The compiled configuration directory.")
        Path directory;

        @Option(names = "--smtp-port", paramLabel = "N", description = "SMTP port (default: a free one).")
        Integer smtpPort;

        @Option(names = "--imap-port", paramLabel = "N", description = "IMAP port (default: a free one).")
        Integer imapPort;

        @Option(names = "--ports-file", paramLabel = "F",
            description = "Write the ports here as name=port lines once ready.")
        Path portsFile;

        @Option(names = "--no-sandbox",
            description = "Deliver outbound mail for real instead of to capture sinks on loopback.")
        boolean noSandbox;

        @Override
        public Integer call() throws Exception {
            RuntimeOptions options = new RuntimeOptions(directory, optional(smtpPort), optional(imapPort), !noSandbox);
            RunningMailSystem system;
            try {
                system = MailSystemRuntime.start(options);
            } catch (StartupException e) {
                System.err.println("error: " + e.getMessage());
                return EXIT_CANNOT_START;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                system.close();
                stopped.countDown();
            }, "mailform-shutdown"));
            if (portsFile != null) {
                writePorts(system);
            }
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println("ready " + String.join(" ", system.ports()));
            stopped.await();
            return 0;
        }

        private void writePorts(RunningMailSystem system) throws IOException {
            Path temporary = portsFile.resolveSibling(portsFile.getFileName() + ".tmp");
            Files.write(temporary, system.ports(), StandardCharsets.UTF_8);
            // Renamed into place so that a reader polling for the file never sees half of it.
            Files.move(temporary, portsFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }

        private static OptionalInt optional(Integer port) {
            return port == null ? OptionalInt.empty() : OptionalInt.of(port);
        }
    }
}
