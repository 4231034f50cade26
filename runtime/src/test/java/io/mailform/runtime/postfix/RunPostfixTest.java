package io.mailform.runtime.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailform.runtime.RunMain;
import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.compile.DescriptionCompiler;
import io.mailform.runtime.sandbox.CaptureDirectory;
import io.mailform.runtime.sandbox.CapturedFiles;
import io.mailform.runtime.sandbox.CapturedFiles.IndexLine;

/**
 * {@code run --server postfix} as a separate process: the ready line, and the host left as found after SIGTERM, also
 * in the middle of the start, and after a start that fails.
 */
class RunPostfixTest {
    private static final Pattern READY = Pattern.compile("ready smtp=(\\d+) sink\\.direct=(\\d+)");
    private static final Pattern INSTANCE = Pattern.compile("Postfix instance in (\\S+),");
    private static final List<String> ACCOUNTS = List.of("mfnewuser", "mfaliased");
    private static final Path TEMPORARY = Path.of(System.getProperty("java.io.tmpdir"));

    @TempDir
    Path temporary;

    private Path stderrFile;

    @BeforeEach
    void noAccountOfTheDescriptionExists() throws IOException {
        for (String account : ACCOUNTS) {
            assertFalse(SystemAccounts.exists(account), account + " must not exist before the test");
        }
    }

    /** How long an idle run may take from SIGTERM to its exit, for a requirement of one second. */
    private static final long IDLE_STOP_BOUND_MILLIS = 3_000;

    @Test
    void sigtermStopsPostfixAndLeavesTheHostAsFound() throws Exception {
        Path portsFile = temporary.resolve("ports");
        Process process = start("run", "--server", "postfix", description(), "--ports-file", portsFile.toString());
        try {
            BufferedReader stdout = stdout(process);
            Matcher matcher = readyLine(stdout);
            String ready = matcher.group();
            assertEquals(List.of(ready.substring("ready ".length()).split(" ")), Files.readAllLines(portsFile));
            assertTrue(smtpGreeting(Integer.parseInt(matcher.group(1))).startsWith("220 mail.example.org"));
            Path instance = instanceDirectory();
            String log = stderr();
            assertTrue(log.contains("main.cf: smtpd_authorized_xclient_hosts = 127.0.0.1 (tests choose"), log);
            assertTrue(log.contains("added the system accounts mfnewuser, mfaliased"), log);
            for (String account : ACCOUNTS) {
                assertTrue(SystemAccounts.exists(account), account);
            }
            assertFalse(InstanceProcesses.of(instance.resolve("conf")).isEmpty(), "Postfix runs");

            // kill(1) rather than Process.destroy(), which would also close the pipes this test still reads.
            long signalled = System.nanoTime();
            sigterm(process);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped after SIGTERM");
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            assertEquals(0, process.exitValue(), "a clean stop:\n" + stderr());
            // An idle instance stops within a second (SIGTERM to master, no polls a second apart); the bound leaves
            // room for a loaded machine and still fails a stop that waits for `postfix stop` and a second signal.
            assertTrue(stopMillis < IDLE_STOP_BOUND_MILLIS, "an idle run stopped " + stopMillis + " ms after SIGTERM");
            System.err.printf("RunPostfixTest: an idle run --server postfix stopped %d ms after SIGTERM%n", stopMillis);
            assertEquals(null, stdout.readLine(), "nothing but the ready line on stdout");
            assertHostAsFound(instance);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void captureDirGetsWhatLeavesTheInstance() throws Exception {
        Path captured = temporary.resolve("captured");
        Process process = start("run", "--server", "postfix", description(), "--capture-dir", captured.toString());
        try {
            Matcher matcher = readyLine(stdout(process));
            byte[] message = "Subject: hello\r\n\r\n.dotted\r\n".getBytes(StandardCharsets.US_ASCII);
            try (SmtpClient smtp = SmtpClient.connect("127.0.0.1", Integer.parseInt(matcher.group(1)),
                    Duration.ofSeconds(20))) {
                assertEquals(250, smtp.command("EHLO client.example.org").code());
                assertEquals(250, smtp.command("MAIL FROM:<mfnewuser@example.org>").code());
                assertEquals(250, smtp.command("RCPT TO:<friend@remote.example>").code());
                assertEquals(250, smtp.data(message).code());
            }

            List<IndexLine> index = CapturedFiles.awaitIndex(captured, 1, Duration.ofSeconds(60));
            assertEquals(1, index.size(), index::toString);
            IndexLine line = index.get(0);
            assertEquals("000001-direct.eml", line.file());
            assertEquals(List.of(line.file(), CaptureDirectory.INDEX), CapturedFiles.names(captured));
            assertEquals("direct", line.sink());
            assertEquals("mfnewuser@example.org", line.mailFrom());
            assertEquals(List.of("friend@remote.example"), line.rcptTo());
            assertEquals(Optional.empty(), line.login());
            assertEquals("mail.example.org", line.helo());
            String text = Files.readString(captured.resolve(line.file()), StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\r\n\r\n.dotted\r\n"), "the body as sent:\n" + text);
            assertTrue(text.contains("\r\nSubject: hello\r\n"), text);
            assertEquals(line.size(), Files.size(captured.resolve(line.file())));

            sigterm(process);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped after SIGTERM");
            assertEquals(index, CapturedFiles.index(captured), "kept after stop");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void sigtermDuringTheStartLeavesNothingBehind() throws Exception {
        Set<Path> before = instanceDirectories();
        Process process = start("run", "--server", "postfix", description());
        try {
            Path instance = awaitNewInstanceDirectory(before, process);
            sigterm(process);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped after SIGTERM");
            assertHostAsFound(instance);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aStartThatFailsLeavesNothingBehind() throws Exception {
        Path compiled = DescriptionCompiler.compileForPostfix(Path.of(description()), Map.of(),
            new PrintStream(OutputStream.nullOutputStream()));
        try {
            // postalias and postmap do not mind, postfix check does: after the accounts were made.
            Files.writeString(compiled.resolve("postfix/main.cf"), "daemon_directory = /nonexistent/postfix\n",
                StandardOpenOption.APPEND);
            Set<Path> before = instanceDirectories();
            Result result = run("run", "--server", "postfix", compiled.toString());
            assertEquals(1, result.status(), result.stderr());
            assertTrue(result.stderr().contains("error: postfix check refuses the instance's configuration"),
                result.stderr());
            assertTrue(result.stderr().contains("chdir(/nonexistent/postfix)"), result.stderr());
            assertEquals(before, instanceDirectories(), "no instance directory is left");
            for (String account : ACCOUNTS) {
                assertFalse(SystemAccounts.exists(account), account + " is removed again");
            }
        } finally {
            DirectoryTree.delete(compiled);
        }
    }

    @Test
    void modeNoneIsRefusedWithTheReason() throws Exception {
        Result result = run("run", "--server", "postfix", "../examples/none.yaml");
        assertEquals(1, result.status());
        assertTrue(result.stderr().contains("mode none has no main.cf of its own but parameters to merge into this "
            + "host's"), result.stderr());
        assertEquals("", result.stdout());
    }

    @Test
    void jamesOnlyOptionsAreUsageErrors() throws Exception {
        Result result = run("run", "--server", "postfix", "--imap-port", "1143", "--no-sandbox", description());
        assertEquals(2, result.status());
        assertTrue(result.stderr().contains("not with --server postfix: --imap-port (Postfix has no IMAP server"),
            result.stderr());
        assertTrue(result.stderr().contains("--no-sandbox (a private Postfix instance always sends to capture sinks"),
            result.stderr());
        Result unknown = run("run", "--server", "exim", description());
        assertEquals(2, unknown.status());
        assertTrue(unknown.stderr().contains("\"exim\" is not a server: james or postfix"), unknown.stderr());
    }

    private static String description() {
        return Path.of("src/test/resources/descriptions/new-accounts.yaml").toString();
    }

    private void assertHostAsFound(Path instance) throws IOException {
        assertFalse(Files.exists(instance), instance + " is deleted");
        assertEquals(List.of(), InstanceProcesses.of(instance.resolve("conf")), "no process of the instance");
        for (String account : ACCOUNTS) {
            assertFalse(SystemAccounts.exists(account), account + " is removed again");
        }
    }

    private Path instanceDirectory() throws IOException {
        Matcher matcher = INSTANCE.matcher(stderr());
        assertTrue(matcher.find(), stderr());
        return Path.of(matcher.group(1));
    }

    private static Set<Path> instanceDirectories() throws IOException {
        try (Stream<Path> children = Files.list(TEMPORARY)) {
            return children.filter(path -> path.getFileName().toString().startsWith("mailform-postfix-"))
                .collect(Collectors.toSet());
        }
    }

    /** The instance directory the process made, as soon as it exists: the start is under way then. */
    private static Path awaitNewInstanceDirectory(Set<Path> before, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Set<Path> now = instanceDirectories();
            now.removeAll(before);
            if (!now.isEmpty()) {
                assertEquals(1, now.size(), now::toString);
                return now.iterator().next();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no instance directory appeared");
    }

    private static void sigterm(Process process) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
    }

    private record Result(int status, String stdout, String stderr) {
    }

    private static BufferedReader stdout(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The first line on stdout, which must be the ready line; the reader is left for what follows. */
    private Matcher readyLine(BufferedReader stdout) throws IOException {
        String ready = String.valueOf(stdout.readLine());
        Matcher matcher = READY.matcher(ready);
        assertTrue(matcher.matches(), "ready line: " + ready + "\n" + stderr());
        return matcher;
    }

    private Result run(String... arguments) throws Exception {
        Process process = start(arguments);
        try {
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            return new Result(process.exitValue(), stdout, stderr());
        } finally {
            process.destroyForcibly();
        }
    }

    private Process start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            RunMain.class.getName()));
        command.addAll(Arrays.asList(arguments));
        // stderr goes to a file so that a chatty server cannot block on a full pipe.
        stderrFile = temporary.resolve("stderr");
        return new ProcessBuilder(command).redirectError(stderrFile.toFile()).start();
    }

    private String stderr() throws IOException {
        return Files.readString(stderrFile);
    }

    private static String smtpGreeting(int port) throws IOException {
        try (SmtpClient smtp = SmtpClient.connect("127.0.0.1", port, Duration.ofSeconds(20))) {
            return smtp.greeting().toString();
        }
    }
}
