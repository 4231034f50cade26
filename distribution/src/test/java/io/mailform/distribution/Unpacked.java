package io.mailform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The distribution archive unpacked by tar into a scratch directory, and an environment that has a Java runtime 17 as
 * its only java and no Maven: a PATH of links to a few commands of the host, and a home of its own.
 */
final class Unpacked implements AutoCloseable {
    /** The JVM the archive must run on; the property names another. */
    static final Path JAVA_17 = Path.of(System.getProperty("mailform.java17",
            "/usr/lib/jvm/java-17-openjdk-amd64/bin/java"));

    final Path home;
    final Path userHome;
    final Path path;

    private Unpacked(Path home, Path userHome, Path path) {
        this.home = home;
        this.userHome = userHome;
        this.path = path;
    }

    static Path archive() {
        String archive = System.getProperty("mailform.distribution");
        assertTrue(archive != null && Files.isRegularFile(Path.of(archive)),
                "the distribution archive is missing (" + archive + "): run `mvn verify`, which makes it at package");
        return Path.of(archive).toAbsolutePath();
    }

    static Path checkout() {
        return Path.of(System.getProperty("mailform.checkout", "..")).toAbsolutePath().normalize();
    }

    static Unpacked into(Path scratch) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(JAVA_17), JAVA_17 + " is missing: apt-get install openjdk-17-jre-headless");
        Path unpacked = Files.createDirectories(scratch.resolve("opt"));
        Result tar = run(List.of("tar", "-xzf", archive().toString(), "-C", unpacked.toString()), scratch,
                Map.of("PATH", "/usr/bin:/bin"), 120);
        assertEquals(0, tar.exit(), tar.err());
        Path home;
        try (Stream<Path> top = Files.list(unpacked)) {
            List<Path> entries = top.toList();
            assertEquals(1, entries.size(), "one top directory in the archive: " + entries);
            home = entries.get(0);
        }
        Path userHome = Files.createDirectories(scratch.resolve("home"));
        return new Unpacked(home, userHome, commands(Files.createDirectories(scratch.resolve("path"))));
    }

    /**
     * A PATH directory: the JVM 17 as java, and the few commands of a base system that the launchers and these tests
     * use; no Maven, no other JDK. A launcher that came to need another command fails here, and says which.
     */
    private static Path commands(Path dir) throws IOException {
        for (String name : COMMANDS) {
            Path command = Path.of("/usr/bin", name);
            assertTrue(Files.isExecutable(command), command + " is missing");
            Files.createSymbolicLink(dir.resolve(name), command);
        }
        Files.createSymbolicLink(dir.resolve("java"), JAVA_17);
        return dir;
    }

    private static final List<String> COMMANDS = List.of("bash", "env", "readlink", "stat", "mkdir", "mktemp", "mv",
            "rm", "sha256sum", "cut", "tr", "xargs", "find", "cat", "ls", "sleep", "git", "pre-commit");

    /** Removes the links of the PATH directory, which JUnit would otherwise warn about one by one. */
    @Override
    public void close() throws IOException {
        try (Stream<Path> links = Files.list(path)) {
            for (Path link : links.toList()) {
                Files.delete(link);
            }
        }
    }

    /** Removes the links under {@code dir} (none if it is missing), which JUnit would otherwise warn about one by one. */
    static void removeLinks(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path link : files.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }

    /** The environment of every run: nothing of this JVM's, of Maven's or of the user's. */
    Map<String, String> environment() {
        return environment("java", userHome.resolve(".cache"));
    }

    /** The environment of a run with the JVM {@code java} and the cache directory {@code cache}. */
    Map<String, String> environment(String java, Path cache) {
        return Map.of("PATH", path.toString(), "HOME", userHome.toString(), "LANG", "C.UTF-8",
                "MAILFORM_JAVA", java, "XDG_CACHE_HOME", cache.toString());
    }

    /** Runs bin/mailform with these arguments in {@code dir}, and waits for it. */
    Result mailform(Path dir, String... args) throws IOException, InterruptedException {
        return mailform(dir, environment(), args);
    }

    /** Runs bin/mailform with these arguments in {@code dir} and this environment, and waits for it. */
    Result mailform(Path dir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/mailform").toString());
        command.addAll(List.of(args));
        return run(command, dir, environment, 300);
    }

    /**
     * A JDK 25 or later, whose AOT cache the launcher uses: the property {@code mailform.java25} names one, else the
     * first under /usr/lib/jvm. Debian 12 packages none; Temurin's is one.
     */
    static Path java25() throws IOException {
        String named = System.getProperty("mailform.java25");
        if (named != null) {
            return Path.of(named);
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path jdk : jdks.sorted().toList()) {
                Path release = jdk.resolve("release");
                if (Files.isRegularFile(release) && Files.isExecutable(jdk.resolve("bin/java"))
                        && major(Files.readString(release)) >= 25) {
                    return jdk.resolve("bin/java");
                }
            }
        }
        throw new AssertionError("no JDK 25 or later under /usr/lib/jvm: install one (Debian 12 has none; e.g. "
                + "Temurin 25), or name its java with -Dmailform.java25=PATH");
    }

    private static int major(String release) {
        Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(release);
        return version.find() ? Integer.parseInt(version.group(1)) : 0;
    }

    /**
     * The Java runtime 17 as a Java runtime without a class-data archive of its own (lib/server/classes.jsa), as some
     * runtimes come: its launcher and libjvm.so copied into {@code dir} (the JVM finds its home from where they
     * are), every other file a link to the original. Returns its java.
     */
    static Path java17WithoutArchive(Path dir) throws IOException {
        Path jdk = JAVA_17.toRealPath().getParent().getParent();
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("lib/server"));
        try (Stream<Path> top = Files.list(jdk)) {
            for (Path entry : top.toList()) {
                String name = entry.getFileName().toString();
                if (!name.equals("bin") && !name.equals("lib")) {
                    Files.createSymbolicLink(dir.resolve(name), entry);
                }
            }
        }
        try (Stream<Path> lib = Files.list(jdk.resolve("lib"))) {
            for (Path entry : lib.toList()) {
                if (!entry.getFileName().toString().equals("server")) {
                    Files.createSymbolicLink(dir.resolve("lib").resolve(entry.getFileName()), entry);
                }
            }
        }
        Files.copy(jdk.resolve("lib/server/libjvm.so"), dir.resolve("lib/server/libjvm.so"));
        Files.copy(jdk.resolve("bin/java"), dir.resolve("bin/java"), StandardCopyOption.COPY_ATTRIBUTES);
        return dir.resolve("bin/java");
    }

    static Result run(List<String> command, Path dir, Map<String, String> environment, int seconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("mailform-out", ".txt");
        Path err = Files.createTempFile("mailform-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not end in " + seconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Every file under {@code dir}, with its size and time: to show that running mailform wrote nothing there. */
    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(file -> {
                try {
                    return dir.relativize(file) + " " + Files.size(file) + " " + Files.getLastModifiedTime(file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
