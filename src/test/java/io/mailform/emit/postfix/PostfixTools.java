package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real Postfix command-line tools, for tests that let Postfix judge mailform's output. A machine without them
 * fails these tests with the way to install them: they never pass by skipping.
 */
public final class PostfixTools {
    public static final String MISSING = "Postfix is not installed: apt-get install postfix (see .ci/run)";
    private static final List<String> SEARCH = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin");

    public final Path postconf;
    public final Path postfix;
    public final Path postalias;
    public final Path postmap;
    /** util-linux's script(1): postfix check prints its messages only to a terminal. */
    public final Path script;

    private PostfixTools(Path postconf, Path postfix, Path postalias, Path postmap, Path script) {
        this.postconf = postconf;
        this.postfix = postfix;
        this.postalias = postalias;
        this.postmap = postmap;
        this.script = script;
    }

    /** The tools, or a failed test that says how to get them. */
    public static PostfixTools locate() {
        Path postconf = find("postconf").orElseGet(() -> fail(MISSING));
        Path postfix = find("postfix").orElseGet(() -> fail(MISSING));
        Path postalias = find("postalias").orElseGet(() -> fail(MISSING));
        Path postmap = find("postmap").orElseGet(() -> fail(MISSING));
        Path script = find("script").orElseGet(() -> fail("script(1) is missing: apt-get install bsdutils"));
        return new PostfixTools(postconf, postfix, postalias, postmap, script);
    }

    /** Debian's master.cf as the package ships it, which postconf wants beside main.cf. */
    public static Path debianMasterCf() {
        for (String candidate : List.of("/usr/share/postfix/master.cf.dist", "/etc/postfix/master.cf")) {
            if (Files.isRegularFile(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return fail(MISSING);
    }

    private static Optional<Path> find(String name) {
        List<String> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(File.pathSeparator)));
        }
        directories.addAll(SEARCH);
        return directories.stream().map(directory -> Path.of(directory, name)).filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Postfix waits, in 0.3 s steps up to about 2 s, until main.cf and master.cf are older than the current second
     * (so that it never reads a file an editor is still writing); files written a moment ago are dated a minute
     * back instead.
     */
    public static void backdate(Path directory) throws IOException {
        FileTime past = FileTime.from(Instant.now().minusSeconds(60));
        for (String name : List.of("main.cf", "master.cf")) {
            Path file = directory.resolve(name);
            if (Files.exists(file)) {
                Files.setLastModifiedTime(file, past);
            }
        }
    }

    /** The outcome of one command. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exitCode + "\nstdout:\n" + stdout + "stderr:\n" + stderr;
        }
    }

    public Result run(List<String> command) {
        return run(command, "");
    }

    /** Runs a command with {@code stdin} as its input, and waits for it (at most a minute). */
    public Result run(List<String> command, String stdin) {
        try {
            Path out = Files.createTempFile("mailform-out", ".txt");
            Path err = Files.createTempFile("mailform-err", ".txt");
            Path in = Files.createTempFile("mailform-in", ".txt");
            try {
                Files.writeString(in, stdin);
                Process process = new ProcessBuilder(command).redirectInput(in.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return fail("timed out: " + command);
                }
                return new Result(List.copyOf(command), process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
                Files.deleteIfExists(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted: " + command);
        }
    }

    /** {@code postfix -c DIR check} under script(1), so that its messages are seen; they come back on stdout. */
    Result check(Path configDirectory) {
        String command = "'" + postfix + "' -c '" + configDirectory + "' check";
        return run(List.of(script.toString(), "-qec", command, "/dev/null"));
    }

    /**
     * Every key and value of an aliases file as postalias builds it (its own NIS entries left out), sorted; built in
     * {@code scratch} from a copy, with a configuration without myorigin = /etc/mailname, which postalias would open
     * on this host. postalias must build it without a warning.
     */
    public List<String> aliasEntries(Path file, Path scratch) throws IOException {
        Path copy = Files.createTempFile(scratch, "aliases", "");
        Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path config = Files.createDirectories(scratch.resolve("neutral"));
        Files.writeString(config.resolve("main.cf"), "compatibility_level = 3.6\n");
        Files.copy(debianMasterCf(), config.resolve("master.cf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        backdate(config);
        String map = "hash:" + copy;
        Result built = run(List.of(postalias.toString(), "-c", config.toString(), map));
        if (built.exitCode() != 0 || !built.stderr().isEmpty()) {
            return fail(built.toString());
        }
        Result dump = run(List.of(postalias.toString(), "-c", config.toString(), "-s", map));
        if (dump.exitCode() != 0) {
            return fail(dump.toString());
        }
        return dump.stdout().lines().filter(line -> !line.startsWith("YP_") && !line.startsWith("@:")).sorted()
                .toList();
    }
}
