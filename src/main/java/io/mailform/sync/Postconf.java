package io.mailform.sync;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The parameters a main.cf sets, as this host's {@code postconf -n} reads them, so that continuation lines,
 * spacing and repeated names mean what they mean to Postfix. Each file is read from a private copy with an empty
 * master.cf, dated a minute back (Postfix waits for a main.cf written in the current second).
 */
final class Postconf {
    static final String MISSING = "postconf is not installed: apt-get install postfix (it is never started)";
    /** postconf prints this for a directory given with -c; the file does not set it. */
    private static final String CONFIG_DIRECTORY = "config_directory";
    private static final List<String> SEARCH = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin");

    /** What postconf made of a main.cf: its parameters in postconf's order, or why it could not read it. */
    record Reading(Map<String, String> parameters, String failure) {
        boolean readable() {
            return failure == null;
        }
    }

    private final Path postconf;

    private Postconf(Path postconf) {
        this.postconf = postconf;
    }

    static Postconf locate() throws IOException {
        List<String> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(File.pathSeparator)));
        }
        directories.addAll(SEARCH);
        return directories.stream().filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "postconf")).filter(Files::isExecutable).findFirst()
                .map(Postconf::new).orElseThrow(() -> new IOException(MISSING));
    }

    Reading read(byte[] mainCf) throws IOException {
        Path directory = Files.createTempDirectory("mailform-postconf");
        try {
            Path file = directory.resolve("main.cf");
            Files.write(file, mainCf);
            Files.write(directory.resolve("master.cf"), new byte[0]);
            FileTime past = FileTime.from(Instant.now().minusSeconds(60));
            Files.setLastModifiedTime(file, past);
            Files.setLastModifiedTime(directory.resolve("master.cf"), past);
            return run(directory);
        } finally {
            delete(directory);
        }
    }

    private Reading run(Path directory) throws IOException {
        Path out = directory.resolve("out");
        Path err = directory.resolve("err");
        Process process = new ProcessBuilder(postconf.toString(), "-c", directory.toString(), "-n")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(postconf + " did not finish within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + postconf + " ran", e);
        }
        if (process.exitValue() != 0) {
            String message = Files.readString(err, StandardCharsets.UTF_8).strip()
                    .replace(directory + "/", "").replace(postconf + ":", "postconf:");
            return new Reading(Map.of(), message.isEmpty() ? "postconf exited with " + process.exitValue()
                    : message.lines().reduce((first, second) -> second).orElse(message));
        }
        return new Reading(parse(Files.readString(out, StandardCharsets.UTF_8)), null);
    }

    /** {@code name = value} lines, or {@code name =} for an empty value. */
    static Map<String, String> parse(String output) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            int equals = line.indexOf(" =");
            if (equals <= 0) {
                continue;
            }
            String name = line.substring(0, equals);
            if (!name.equals(CONFIG_DIRECTORY)) {
                parameters.put(name, line.substring(equals + 2).strip());
            }
        }
        return parameters;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
