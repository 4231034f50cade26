package io.mailform.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
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
 * {@code run DIR|FILE}: starts the James configuration compiled into DIR (or compiles the description FILE first),
 * prints one {@code ready smtp=... imap=...} line on stdout once SMTP answers, and runs until SIGTERM or SIGINT. Logs
 * go to stderr.
 */
@Command(name = "mailform-runtime", mixinStandardHelpOptions = true, subcommands = RunMain.Run.class,
    description = "Runs a compiled mail system on Apache James.")
public final class RunMain {
    static final int EXIT_CANNOT_START = 1;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/mailform/runtime/logback-run.xml");
        }
        System.exit(new CommandLine(new RunMain()).execute(args));
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start DIR/james (as written by `mailform compile -o DIR`) on 127.0.0.1,",
            "or compile the YAML description FILE for James and start that."})
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR|FILE",
            description = "The compiled configuration directory, or a YAML description.")
        Path system;

        @Option(names = "--smtp-port", paramLabel = "N", description = "SMTP port (default: a free one).")
        Integer smtpPort;

        @Option(names = "--imap-port", paramLabel = "N", description = "IMAP port (default: a free one).")
        Integer imapPort;

        @Option(names = "--ports-file", paramLabel = "F",
            description = "Write the ports here as name=port lines once ready.")
        Path portsFile;

        @Option(names = "--credentials-file", paramLabel = "F",
            description = "Write each account's IMAP password here as account=password lines (mode 0600).")
        Path credentialsFile;

        @Option(names = "--no-sandbox",
            description = "Deliver outbound mail for real instead of to capture sinks on loopback.")
        boolean noSandbox;

        @Override
        public Integer call() throws Exception {
            RuntimeOptions options = new RuntimeOptions(system, optional(smtpPort), optional(imapPort), !noSandbox);
            RunningMailSystem running;
            try {
                running = MailSystemRuntime.start(options);
            } catch (StartupException e) {
                System.err.println("error: " + e.getMessage());
                return EXIT_CANNOT_START;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.close();
                stopped.countDown();
            }, "mailform-shutdown"));
            if (credentialsFile != null) {
                writeAtomically(credentialsFile, running.credentials(), OWNER_ONLY);
            } else if (!running.accounts().isEmpty()) {
                System.err.println("mailform-runtime: IMAP accounts " + String.join(", ", running.accounts())
                    + "; pass --credentials-file F to get their passwords");
            }
            if (portsFile != null) {
                writeAtomically(portsFile, running.ports(), Set.of());
            }
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println("ready " + String.join(" ", running.ports()));
            stopped.await();
            return 0;
        }

        /**
         * Written beside the target and renamed into place, so that a reader polling for the file never sees half of
         * it; created with its final permissions when it holds secrets.
         */
        private static void writeAtomically(Path file, List<String> lines, Set<PosixFilePermission> permissions)
                throws IOException {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            if (permissions.isEmpty()) {
                Files.createFile(temporary);
            } else {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(permissions));
            }
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        private static OptionalInt optional(Integer port) {
            return port == null ? OptionalInt.empty() : OptionalInt.of(port);
        }
    }
}
