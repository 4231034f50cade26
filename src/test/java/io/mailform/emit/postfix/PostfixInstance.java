package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real, private Postfix instance started from mailform's compiled output: main.cf, aliases and mailname as
 * compiled, beside Debian's master.cf, in a directory of its own. Only what a private instance must change is
 * changed, all of it in {@link #settings} and {@link #masterCfEdits}, each with its reason; everything else is
 * exactly as compiled. It listens on 127.0.0.1 only, and whatever it sends leaves through the capture sink.
 */
final class PostfixInstance implements AutoCloseable {
    private static final long START_TIMEOUT_MILLIS = 20_000;
    private static final long STOP_TIMEOUT_MILLIS = 15_000;
    private static final Pattern HASH_TABLE = Pattern.compile("hash:([^\\s,]+)");
    private static final Set<String> ALIAS_PARAMETERS = Set.of("alias_maps", "alias_database");
    private static final List<String> QUEUES = List.of("maildrop", "incoming", "active", "deferred", "hold");

    /** One main.cf parameter the private instance sets differently from the compiled file, and why. */
    record Setting(String parameter, String value, String reason) {
        String assignment() {
            return parameter + " = " + value;
        }
    }

    private final PostfixTools tools;
    private final Path base;
    private final Path config;
    private final Path queue;
    private final Path spool;
    private final Path log;
    private final int port;
    private boolean started;

    private PostfixInstance(PostfixTools tools, Path base, int port) {
        this.tools = tools;
        this.base = base;
        this.config = base.resolve("conf");
        this.queue = base.resolve("queue");
        this.spool = base.resolve("mail");
        this.log = base.resolve("log");
        this.port = port;
    }

    /** Writes the compiled tree, applies the settings, builds the tables and starts Postfix. */
    static PostfixInstance start(PostfixTools tools, Examples.Compiled compiled, CaptureSink sink) throws IOException {
        Path base = Files.createTempDirectory("mailform-instance-");
        // Local delivery runs as the recipient, who must be able to reach the spool directory below this one.
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        PostfixInstance instance = new PostfixInstance(tools, base, freePort());
        try {
            instance.configure(compiled, sink);
            instance.launch();
            return instance;
        } catch (RuntimeException | Error | IOException e) {
            instance.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    Path config() {
        return config;
    }

    /** The mbox file local(8) delivers {@code user}'s mail to. */
    Path mailbox(String user) {
        return spool.resolve(user);
    }

    Path spool() {
        return spool;
    }

    /** The instance's log so far, for failure messages. */
    String maillog() {
        try {
            Path file = log.resolve("maillog");
            return Files.exists(file) ? Files.readString(file) : "(no maillog yet)";
        } catch (IOException e) {
            return "(maillog unreadable: " + e + ")";
        }
    }

    /**
     * What the private instance must set differently from the compiled main.cf, and why. Nothing else is changed.
     */
    List<Setting> settings(Examples.Compiled compiled, CaptureSink sink) {
        List<Setting> settings = new ArrayList<>(List.of(
                new Setting("queue_directory", queue.toString(),
                        "the instance's own queue, not this host's /var/spool/postfix"),
                new Setting("data_directory", base.resolve("data").toString(),
                        "the instance's own TLS caches and locks, not this host's /var/lib/postfix"),
                new Setting("mail_spool_directory", spool.toString(),
                        "mailboxes in a 1777 directory of the test's, read back by the test"),
                new Setting("maillog_file", log.resolve("maillog").toString(),
                        "no syslog here: the log goes to a file the failure messages quote"),
                new Setting("maillog_file_prefixes", "/var, /dev/stdout, " + log,
                        "Postfix writes maillog_file only below a listed prefix"),
                new Setting("myorigin", config.resolve("mailname").toString(),
                        "the generated mailname file in place of /etc/mailname, which this host need not have"),
                new Setting("relayhost", "[127.0.0.1]:" + sink.port(),
                        "the sandbox: whatever would leave the machine goes to the capture sink instead of the "
                                + "smarthost or the recipients' MX hosts")));
        for (String line : compiled.text("main.cf").lines().toList()) {
            int equals = line.indexOf(" = ");
            if (line.startsWith("#") || equals < 0) {
                continue;
            }
            String value = line.substring(equals + 3);
            String local = value.replace("/etc/aliases", config.resolve("aliases").toString())
                    .replace("/etc/postfix/", config + "/");
            if (!local.equals(value)) {
                settings.add(new Setting(line.substring(0, equals), local,
                        "the compiled table, built in the instance's directory instead of /etc"));
            }
        }
        if (!Files.exists(Path.of(parameter(compiled, "smtpd_tls_cert_file")))
                || !Files.exists(Path.of(parameter(compiled, "smtpd_tls_key_file")))) {
            settings.add(new Setting("smtpd_tls_security_level", "none",
                    "this host lacks the snakeoil certificate main.cf names, and smtpd will not offer TLS without it"));
        }
        return settings;
    }

    /** The edits of Debian's master.cf, as postconf arguments, and why (in the comments). */
    private List<List<String>> masterCfEdits() {
        String listener = "127.0.0.1:" + port;
        return List.of(
                // Never listen on *:25: a private listener on loopback and a free port.
                List.of("-MX", "smtp/inet"),
                List.of("-M", listener + "/inet = " + listener + " inet n - n - - smtpd"),
                // A chroot in the private queue lacks /etc/hosts and the rest Debian's start script copies there.
                List.of("-F", "*/*/chroot = n"));
    }

    private static String parameter(Examples.Compiled compiled, String name) {
        return compiled.text("main.cf").lines().filter(line -> line.startsWith(name + " = "))
                .map(line -> line.substring(name.length() + 3)).findFirst().orElse("");
    }

    private void configure(Examples.Compiled compiled, CaptureSink sink) throws IOException {
        compiled.writeTo(config);
        Files.copy(PostfixTools.debianMasterCf(), config.resolve("master.cf"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(queue);
        Files.createDirectories(log);
        Files.createDirectories(spool);
        // Java's file attributes cannot set the sticky bit; local(8) creates each mailbox as its recipient.
        succeed(tools.run(List.of("chmod", "1777", spool.toString())));
        List<Setting> settings = settings(compiled, sink);
        List<String> postconf = new ArrayList<>(List.of(tools.postconf.toString(), "-c", config.toString(), "-e"));
        settings.forEach(setting -> postconf.add(setting.assignment()));
        succeed(tools.run(postconf));
        for (List<String> edit : masterCfEdits()) {
            List<String> command = new ArrayList<>(List.of(tools.postconf.toString(), "-c", config.toString()));
            command.addAll(edit);
            succeed(tools.run(command));
        }
        buildTables(settings);
        PostfixTools.backdate(config);
    }

    /** postalias for the alias tables, postmap for the others, each built once. */
    private void buildTables(List<Setting> settings) {
        Set<String> aliases = new LinkedHashSet<>();
        Set<String> maps = new LinkedHashSet<>();
        for (Setting setting : settings) {
            Matcher matcher = HASH_TABLE.matcher(setting.value());
            while (matcher.find()) {
                (ALIAS_PARAMETERS.contains(setting.parameter()) ? aliases : maps).add("hash:" + matcher.group(1));
            }
        }
        aliases.forEach(table -> succeed(tools.run(List.of(tools.postalias.toString(), "-c", config.toString(),
                table))));
        maps.forEach(table -> succeed(tools.run(List.of(tools.postmap.toString(), "-c", config.toString(), table))));
    }

    private void launch() {
        PostfixTools.Result check = tools.check(config);
        assertEquals(0, check.exitCode(), () -> check + maillog());
        PostfixTools.Result start = postfix("start");
        assertEquals(0, start.exitCode(), () -> start + maillog());
        started = true;
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1_000);
                return;
            } catch (IOException e) {
                pause(100);
            }
        }
        fail("Postfix did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT_MILLIS + " ms\n" + maillog());
    }

    /** The number of messages still in the queue (not yet delivered, deferred or held). */
    int queued() {
        int count = 0;
        for (String name : QUEUES) {
            Path directory = queue.resolve(name);
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    count += (int) files.filter(Files::isRegularFile).count();
                } catch (IOException e) {
                    // A queue file moved while walking; count again on the next poll.
                    count++;
                }
            }
        }
        return count;
    }

    private PostfixTools.Result postfix(String command) {
        return tools.run(List.of(tools.script.toString(), "-qec",
                "'" + tools.postfix + "' -c '" + config + "' " + command, "/dev/null"));
    }

    private static void succeed(PostfixTools.Result result) {
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.stderr(), result::toString);
    }

    /** Stops Postfix (abruptly if it does not stop in time) and removes the instance's directory. */
    @Override
    public void close() {
        try {
            if (started) {
                stop();
            }
        } finally {
            deleteRecursively(base);
        }
    }

    private void stop() {
        long master = masterPid();
        postfix("stop");
        long deadline = System.currentTimeMillis() + STOP_TIMEOUT_MILLIS;
        while (master > 0 && Files.exists(Path.of("/proc", Long.toString(master)))
                && System.currentTimeMillis() < deadline) {
            pause(100);
        }
        if (master > 0 && Files.exists(Path.of("/proc", Long.toString(master)))) {
            postfix("abort");
        }
        started = false;
    }

    private long masterPid() {
        try {
            return Long.parseLong(Files.readString(queue.resolve("pid/master.pid")).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
