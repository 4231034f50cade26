package io.mailform.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailform.postfix.SystemAccounts;
import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.sandbox.CaptureDirectory;
import io.mailform.runtime.sandbox.CapturedFiles;
import io.mailform.runtime.sandbox.CapturedFiles.IndexLine;

/** The runtime as a separate process: the ready line, the ports file, SIGTERM, and start failures. */
class RunMainTest {
    private static final Pattern READY = Pattern.compile("ready smtp=(\\d+) imap=(\\d+) sink\\.direct=(\\d+)");
    private static final Pattern CREDENTIALS = Pattern.compile("IMAP passwords of [^\\n]* in (\\S+/credentials) "
        + "\\(removed at stop\\)");
    /** How long an idle run may take from SIGTERM to its exit, for a requirement of one second. */
    private static final long IDLE_STOP_BOUND_MILLIS = 3_000;

    @TempDir
    Path temporary;

    private Path stderrFile;

    @Test
    void printsReadyWritesThePortsAndStopsOnSigterm() throws Exception {
        Path portsFile = temporary.resolve("ports");
        int smtpPort = freePort();
        Process process = start("run", example("internet-site").toString(), "--smtp-port", Integer.toString(smtpPort),
            "--ports-file", portsFile.toString());
        try {
            BufferedReader stdout = stdout(process);
            Matcher matcher = readyLine(stdout, READY);
            String ready = matcher.group();
            assertEquals(smtpPort, Integer.parseInt(matcher.group(1)));
            assertEquals(List.of(ready.substring("ready ".length()).split(" ")), Files.readAllLines(portsFile));
            assertTrue(smtpGreeting(smtpPort).startsWith("220 mail.example.org"));
            assertTrue(imapGreeting(Integer.parseInt(matcher.group(2))).startsWith("* OK"));

            // kill(1) rather than Process.destroy(), which would also close the pipes this test still reads.
            long signalled = System.nanoTime();
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped after SIGTERM");
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            assertEquals(0, process.exitValue(), "a clean stop:\n" + Files.readString(stderrFile));
            // An idle run stops well within a second; the bound leaves room for a loaded machine and still fails a
            // stop that waits out Netty's quiet periods (two seconds per server, four in all).
            assertTrue(stopMillis < IDLE_STOP_BOUND_MILLIS, "an idle run stopped " + stopMillis + " ms after SIGTERM");
            System.err.printf("RunMainTest: an idle run stopped %d ms after SIGTERM%n", stopMillis);
            assertEquals(null, stdout.readLine(), "nothing but the ready line on stdout");
            assertThrows(ConnectException.class, () -> smtpGreeting(smtpPort));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void sigintStopsCleanlyToo() throws Exception {
        Process process = start("run", example("internet-site").toString());
        try {
            readyLine(stdout(process), READY);
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped after SIGINT");
            assertEquals(0, process.exitValue(), Files.readString(stderrFile));
            assertTrue(Files.readString(stderrFile).contains("mailform-runtime: SIGINT: stopping"));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void writesTheImapPasswordsToAPrivateFileRemovedAtStop() throws Exception {
        Process process = start("run", example("internet-site").toString());
        try {
            Matcher matcher = readyLine(stdout(process), READY);
            Matcher named = CREDENTIALS.matcher(Files.readString(stderrFile));
            assertTrue(named.find(), Files.readString(stderrFile));
            Path credentials = Path.of(named.group(1));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(credentials));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(credentials.getParent()));
            List<String> lines = Files.readAllLines(credentials);
            assertTrue(lines.get(0).startsWith("alice="), lines::toString);
            String password = lines.get(0).substring("alice=".length());
            assertTrue(imapLogin(Integer.parseInt(matcher.group(2)), "alice", password).startsWith("a1 OK"));

            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped after SIGTERM");
            assertFalse(Files.exists(credentials.getParent()), "removed with the run");
            String stderr = Files.readString(stderrFile);
            for (String line : lines) {
                String secret = line.substring(line.indexOf('=') + 1);
                assertFalse(stderr.contains(secret), "a password on standard error: " + line);
            }
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void startsAYamlDescriptionAndWritesTheImapPasswords() throws Exception {
        Path credentials = temporary.resolve("credentials");
        Process process = start("run", "../examples/local-only.yaml", "--credentials-file", credentials.toString());
        try {
            // local-only has no sink.
            Matcher matcher = readyLine(stdout(process), Pattern.compile("ready smtp=(\\d+) imap=(\\d+)"));
            assertTrue(smtpGreeting(Integer.parseInt(matcher.group(1))).startsWith("220 build.example.net"));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(credentials));
            List<String> lines = Files.readAllLines(credentials);
            // builder, then Debian's system accounts but root, whose mail goes to builder.
            assertEquals(SystemAccounts.NAMES.size(), lines.size(), lines::toString);
            assertTrue(lines.stream().allMatch(line -> line.matches("[a-z_-]+=[A-Za-z0-9_-]{24}")),
                "random passwords: " + lines);
            assertTrue(lines.get(0).startsWith("builder="), lines::toString);
            String password = lines.get(0).substring("builder=".length());
            String login = imapLogin(Integer.parseInt(matcher.group(2)), "builder", password);
            assertTrue(login.startsWith("a1 OK"), login);
            assertTrue(imapLogin(Integer.parseInt(matcher.group(2)), "builder", "wrong").startsWith("a1 NO"));
            assertTrue(Files.readString(stderrFile).contains(" in " + credentials + "\n"), "the file is named");
        } finally {
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped after SIGTERM");
        }
        assertTrue(Files.exists(credentials), "a file the user named is kept");
    }

    @Test
    void captureDirGetsWhatLeavesBySmarthostAndRoutesAsAShellReadsIt() throws Exception {
        Path captured = temporary.resolve("captured");
        Process process = start("run", "../examples/full.yaml", "--capture-dir", captured.toString());
        try {
            Matcher matcher = readyLine(stdout(process), Pattern.compile("ready smtp=(\\d+) .*"));
            assertEquals(List.of(CaptureDirectory.INDEX), CapturedFiles.names(captured), "an empty index when ready");
            int smtpPort = Integer.parseInt(matcher.group(1));
            byte[] message = "Subject: hello\r\n\r\nHi.\r\n".getBytes(StandardCharsets.US_ASCII);
            try (SmtpClient smtp = SmtpClient.connect("127.0.0.1", smtpPort, Duration.ofSeconds(20))) {
                assertEquals(250, smtp.command("EHLO client.example.org").code());
                assertEquals(250, smtp.command("MAIL FROM:<alice@example.org>").code());
                assertEquals(250, smtp.command("RCPT TO:<friend@remote.example>").code());
                assertEquals(250, smtp.command("RCPT TO:<orders@partner.example.com>").code());
                assertEquals(250, smtp.data(message).code());
            }

            List<IndexLine> index = CapturedFiles.awaitIndex(captured, 2, Duration.ofSeconds(60));
            assertEquals(List.of("10.30.0.5:2525", "smtp.example.net:587"),
                index.stream().map(IndexLine::sink).sorted().toList(), index::toString);
            assertEquals(CapturedFiles.messageFiles(captured), index.stream().map(IndexLine::file).toList());
            for (IndexLine line : index) {
                assertEquals("alice@example.org", line.mailFrom());
                assertEquals(Optional.of("example-org"), line.login());
                assertTrue(line.tls(), "tls: encrypt on both");
                String text = Files.readString(captured.resolve(line.file()), StandardCharsets.UTF_8);
                assertTrue(text.endsWith("\r\nSubject: hello\r\n\r\nHi.\r\n"), "the message, after James's "
                    + "Received header:\n" + text);
            }
            assertEquals(List.of("friend@remote.example"), lineFor(index, "smtp.example.net:587").rcptTo());
            assertEquals(List.of("orders@partner.example.com"), lineFor(index, "10.30.0.5:2525").rcptTo());

            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped after SIGTERM");
            assertEquals(index, CapturedFiles.index(captured), "kept after stop");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aStopThatLosesMailSaysHowManyAndExitsWithThree() throws Exception {
        Path captured = temporary.resolve("captured");
        Process process = start("run", example("internet-site").toString(), "--capture-dir", captured.toString());
        try {
            Matcher matcher = readyLine(stdout(process), READY);
            // The sink refuses what its directory cannot take (451), so the message stays in James's queue.
            try (Stream<Path> files = Files.walk(captured)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            try (SmtpClient smtp = SmtpClient.connect("127.0.0.1", Integer.parseInt(matcher.group(1)),
                    Duration.ofSeconds(20))) {
                assertEquals(250, smtp.command("EHLO client.example.org").code());
                assertEquals(250, smtp.command("MAIL FROM:<alice@example.org>").code());
                assertEquals(250, smtp.command("RCPT TO:<friend@remote.example>").code());
                assertEquals(250, smtp.data("Subject: kept\r\n\r\nHi.\r\n".getBytes(StandardCharsets.US_ASCII))
                    .code());
            }
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped after SIGTERM and the drain");
            String stderr = Files.readString(stderrFile);
            assertEquals(3, process.exitValue(), stderr);
            assertTrue(stderr.contains("mailform-runtime: stopped with 1 message accepted and neither delivered nor "
                + "bounced; James keeps its queue in memory, so they are lost"), stderr);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aCaptureDirWithFilesIsRefusedBeforeTheStartAndKept() throws Exception {
        Path captured = Files.createDirectories(temporary.resolve("captured"));
        Files.writeString(captured.resolve("notes.txt"), "mine");
        Result result = run("run", example("internet-site").toString(), "--capture-dir", captured.toString());
        assertEquals(1, result.status());
        assertEquals("error: --capture-dir " + captured + ": holds 1 entry (notes.txt); captured mail goes to a new "
            + "or empty directory, so that it holds this run's mail only: remove them or give another directory\n",
            result.stderr());
        assertEquals(List.of("notes.txt"), CapturedFiles.names(captured));
    }

    @Test
    void aStartThatFailsLeavesNoCaptureDirBehind() throws Exception {
        Path system = copyOf(example("internet-site"));
        Files.delete(system.resolve("james/conf/smtpserver.xml"));
        Path captured = temporary.resolve("captured");
        Result result = run("run", system.toString(), "--capture-dir", captured.toString());
        assertEquals(1, result.status());
        assertTrue(result.stderr().contains("lacks smtpserver.xml"), result.stderr());
        assertFalse(Files.exists(captured), "created for the run, removed with it");
    }

    @Test
    void captureDirWithoutTheSandboxIsAUsageError() throws Exception {
        Result result = run("run", example("internet-site").toString(), "--no-sandbox", "--capture-dir",
            temporary.resolve("captured").toString());
        assertEquals(2, result.status());
        assertTrue(result.stderr().contains("--capture-dir and --no-sandbox exclude each other"), result.stderr());
        assertFalse(Files.exists(temporary.resolve("captured")));
    }

    private static IndexLine lineFor(List<IndexLine> index, String sink) {
        return index.stream().filter(line -> line.sink().equals(sink)).findFirst().orElseThrow();
    }

    @Test
    void anInvalidDescriptionIsRefusedWithTheCompilersDiagnostics() throws Exception {
        Path description = temporary.resolve("mail.yaml");
        Files.writeString(description, "version: 1\nmode: internet-site\nhostname: mail.example.org\n"
            + "mail_name: example.org\nnetwork: [127.0.0.1/32]\n");
        Result result = run("run", description.toString());
        assertEquals(1, result.status());
        assertTrue(result.stderr().contains("mail.yaml:5:1: error[schema-unknown-key]"), result.stderr());
        assertTrue(result.stderr().contains("networks"), "did you mean: " + result.stderr());
        assertEquals("", result.stdout());
    }

    @Test
    void aMissingFileIsAClearErrorAndExitStatusOne() throws Exception {
        Path system = copyOf(example("internet-site"));
        Files.delete(system.resolve("james/conf/smtpserver.xml"));
        Result result = run("run", system.toString());
        assertEquals(1, result.status());
        assertTrue(result.stderr().contains("lacks smtpserver.xml"), result.stderr());
        assertEquals("", result.stdout());
    }

    @Test
    void aConfigurationJamesRefusesIsAClearErrorAndExitStatusOne() throws Exception {
        Path system = copyOf(example("internet-site"));
        Path mailets = system.resolve("james/conf/mailetcontainer.xml");
        Files.writeString(mailets,
            Files.readString(mailets).replace("class=\"LocalDelivery\"", "class=\"NoSuchMailet\""));
        Result result = run("run", system.toString());
        assertEquals(1, result.status());
        assertTrue(result.stderr().contains("error: ") && result.stderr().contains("NoSuchMailet"), result.stderr());
        assertEquals("", result.stdout());
    }

    @Test
    void aDirectoryWithoutJamesIsAClearError() throws Exception {
        Result result = run("run", temporary.toString());
        assertEquals(1, result.status());
        assertTrue(result.stderr().contains("james does not exist"), result.stderr());
    }

    private record Result(int status, String stdout, String stderr) {
    }

    private static BufferedReader stdout(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The first line on stdout, which must match {@code pattern}; the reader is left for what follows. */
    private Matcher readyLine(BufferedReader stdout, Pattern pattern) throws IOException {
        String ready = String.valueOf(stdout.readLine());
        Matcher matcher = pattern.matcher(ready);
        assertTrue(matcher.matches(), "ready line: " + ready + "\n" + Files.readString(stderrFile));
        return matcher;
    }

    private Result run(String... arguments) throws Exception {
        Process process = start(arguments);
        try {
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            return new Result(process.exitValue(), stdout, Files.readString(stderrFile));
        } finally {
            process.destroyForcibly();
        }
    }

    private Process start(String... arguments) throws IOException {
        // A runner started in the background by a shell without job control ignores SIGINT, and its children
        // inherit that: env restores the default, as a terminal's foreground job has it.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            RunMain.class.getName()));
        command.addAll(Arrays.asList(arguments));
        // stderr goes to a file so that a chatty server cannot block on a full pipe.
        stderrFile = temporary.resolve("stderr");
        return new ProcessBuilder(command).redirectError(stderrFile.toFile()).start();
    }

    private static Path example(String name) throws URISyntaxException {
        return Path.of(RunMainTest.class.getClassLoader().getResource("systems/" + name).toURI());
    }

    private Path copyOf(Path source) throws IOException {
        Path target = temporary.resolve("system");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        return target;
    }

    /** The tagged answer to an IMAP LOGIN. */
    private static String imapLogin(int port, String user, String password) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            in.readLine();
            socket.getOutputStream().write(("a1 LOGIN \"" + user + "\" \"" + password + "\"\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            String line = in.readLine();
            while (line != null && !line.startsWith("a1 ")) {
                line = in.readLine();
            }
            return String.valueOf(line);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String smtpGreeting(int port) throws IOException {
        try (SmtpClient smtp = SmtpClient.connect("127.0.0.1", port, Duration.ofSeconds(20))) {
            return smtp.greeting().toString();
        }
    }

    /** The first line an IMAP server sends. */
    private static String imapGreeting(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        }
    }
}
