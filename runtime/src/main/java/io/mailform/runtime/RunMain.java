package io.mailform.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import io.mailform.cli.RunCommandLine;
import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.postfix.PostfixOptions;
import io.mailform.runtime.postfix.PostfixRuntime;
import io.mailform.runtime.postfix.RunningPostfix;
import io.mailform.runtime.sandbox.CaptureDirectory;
import io.mailform.runtime.scenario.TestCommand;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.MailSystemRuntime;
import io.mailform.runtime.server.RunningMailSystem;
import io.mailform.runtime.server.RuntimeOptions;
import io.mailform.runtime.server.TemporaryDirectories;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * {@code run [--server james|postfix] DIR|FILE}: starts the configuration compiled into DIR (or compiles the
 * description FILE first) on Apache James or in a private instance of the host's Postfix, prints one {@code ready
 * smtp=...} line on stdout once SMTP answers, and runs until SIGTERM or SIGINT. Logs go to stderr.
 */
@Command(name = "mailform", mixinStandardHelpOptions = true, subcommands = {RunMain.Run.class, TestCommand.class},
    description = "Runs a compiled mail system on Apache James or on a private Postfix instance, and tests it there.")
public final class RunMain {
    static final int EXIT_STOPPED = 0;
    static final int EXIT_CANNOT_START = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_LOST_MAIL = 3;
    static final int EXIT_STOP_FAILED = 4;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/mailform/runtime/logback-run.xml");
        }
        System.exit(new CommandLine(new RunMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    /** {@code run}, whose command line is declared in {@link RunCommandLine}, which mailform's help reads. */
    @Command(name = "run")
    static final class Run extends RunCommandLine {
        @Override
        public Integer call() throws Exception {
            return server == Server.postfix ? runPostfix() : runJames();
        }

        private Integer runJames() throws Exception {
            if (noSandbox && captureDir != null) {
                throw new ParameterException(spec.commandLine(), "--capture-dir and --no-sandbox exclude each other: "
                    + "without the sandbox there are no capture sinks, and mail leaves for real");
            }
            RuntimeOptions options = new RuntimeOptions(system, optional(smtpPort), optional(imapPort), !noSandbox);
            RunningMailSystem running;
            Optional<CaptureDirectory> capture;
            try {
                capture = openCaptureDirectory();
            } catch (StartupException e) {
                return cannotStart(e);
            }
            try {
                running = MailSystemRuntime.start(options);
            } catch (StartupException e) {
                capture.ifPresent(CaptureDirectory::abandon);
                return cannotStart(e);
            }
            RunStop stop = RunStop.install(running, capture, System.err);
            if (!capture(running, capture)) {
                return EXIT_CANNOT_START; // the shutdown hook stops the server
            }
            System.err.println("mailform-runtime: " + running.provisioned().describe());
            if (!running.accounts().isEmpty()) {
                Path credentials = writeCredentials(running.credentials());
                System.err.println("mailform-runtime: IMAP passwords of " + String.join(", ", running.accounts())
                    + " in " + credentials + (credentialsFile == null ? " (removed at stop)" : ""));
            }
            return ready(running.ports(), stop);
        }

        private Integer runPostfix() throws Exception {
            List<String> jamesOnly = new ArrayList<>();
            if (imapPort != null) {
                jamesOnly.add("--imap-port (Postfix has no IMAP server; MailServer.mailbox reads its mbox files)");
            }
            if (credentialsFile != null) {
                jamesOnly.add("--credentials-file (Postfix has no IMAP logins)");
            }
            if (noSandbox) {
                jamesOnly.add("--no-sandbox (a private Postfix instance always sends to capture sinks: it runs as "
                    + "root beside this host's own mail system, for tests)");
            }
            if (!jamesOnly.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "not with --server postfix: "
                    + String.join("; ", jamesOnly));
            }
            RunningPostfix running;
            Optional<CaptureDirectory> capture;
            try {
                capture = openCaptureDirectory();
            } catch (StartupException e) {
                return cannotStart(e);
            }
            try {
                running = PostfixRuntime.start(new PostfixOptions(system, optional(smtpPort), System.err));
            } catch (StartupException e) {
                capture.ifPresent(CaptureDirectory::abandon);
                return cannotStart(e);
            }
            RunStop stop = RunStop.install(running, capture, System.err);
            if (!capture(running, capture)) {
                return EXIT_CANNOT_START; // the shutdown hook stops the server
            }
            System.err.println("mailform-runtime: Postfix instance in " + running.instanceDirectory()
                + ", changed from the compiled configuration as follows:");
            running.overrides().forEach(override -> System.err.println("  " + override.describe()));
            if (!running.createdAccounts().isEmpty()) {
                System.err.println("mailform-runtime: added the system accounts "
                    + String.join(", ", running.createdAccounts()) + " for the instance; the last instance that "
                    + "uses them removes them at stop");
            }
            return ready(running.ports(), stop);
        }

        /**
         * The IMAP passwords, as account=password lines in a file of mode 0600: {@code --credentials-file}, or a file
         * in a new temporary directory of mode 0700 that goes with the run, so that a test can read them whenever the
         * run is up without having asked at the start. The passwords never go to standard output or error.
         */
        private Path writeCredentials(List<String> lines) throws IOException {
            Path file = credentialsFile;
            if (file == null) {
                Path directory = TemporaryDirectories.register(Files.createTempDirectory("mailform-run-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
                file = directory.resolve("credentials");
            }
            writeAtomically(file, lines, OWNER_ONLY);
            return file;
        }

        private static int cannotStart(StartupException e) {
            System.err.println("error: " + e.getMessage());
            return EXIT_CANNOT_START;
        }

        /** Opened before the server starts, so that a directory that cannot take the mail stops the run at once. */
        private Optional<CaptureDirectory> openCaptureDirectory() throws StartupException {
            if (captureDir == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(CaptureDirectory.open(captureDir));
            } catch (StartupException e) {
                throw new StartupException("--capture-dir " + e.getMessage(), e);
            }
        }

        /** Before the ready line, so that the directory has every message a client can have sent; false on error. */
        private static boolean capture(MailServer running, Optional<CaptureDirectory> capture) {
            if (capture.isEmpty()) {
                return true;
            }
            try {
                capture.get().attach(running.sinks());
            } catch (IOException e) {
                System.err.println("error: --capture-dir " + e.getMessage());
                return false;
            }
            if (running.sinks().isEmpty()) {
                System.err.println("mailform-runtime: this system sends no mail off the host (it has no capture "
                    + "sinks), so " + capture.get().directory() + " will hold no message");
            }
            return true;
        }

        /**
         * Prints the ready line and runs until SIGTERM or SIGINT, then stops. Before the ready line the JVM's own
         * handling of the signals stands: a start cut short is undone by the shutdown hooks.
         */
        private Integer ready(List<String> ports, RunStop stop) throws Exception {
            if (portsFile != null) {
                writeAtomically(portsFile, ports, Set.of());
            }
            StopSignals signals = StopSignals.install();
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println("ready " + String.join(" ", ports));
            System.err.println("mailform-runtime: " + signals.await() + ": stopping");
            return stop.stop().status;
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
