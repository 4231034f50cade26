package io.mailform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.cli.BashCompletion;
import io.mailform.distribution.Unpacked.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution archive, unpacked by tar and run with a Java runtime 17 as the only java and no Maven. */
class DistributionIT {
    @TempDir
    Path scratch;

    private Unpacked dist;

    @AfterEach
    void removeLinks() throws IOException {
        if (dist != null) {
            dist.close();
        }
    }

    @Test
    void theCompilerRunsOnJava17AloneAndNeverTouchesTheRuntimeFolder() throws Exception {
        dist = Unpacked.into(scratch);
        Path work = Files.createDirectories(scratch.resolve("work"));
        Result mvn = Unpacked.run(List.of("bash", "-c", "command -v mvn || echo no maven; java -version"), work,
                dist.environment(), 60);
        assertTrue(mvn.out().startsWith("no maven"), mvn.toString());
        assertTrue(mvn.err().contains("version \"17."), mvn.toString());

        // Without runtime/, the compiler's commands work all the same: they never put its jars on the class path.
        Path runtime = dist.home.resolve("runtime");
        Files.move(runtime, scratch.resolve("runtime-elsewhere"));
        List<String> before = Unpacked.listing(dist.home);

        Result version = dist.mailform(work, "--version");
        assertEquals(0, version.exit(), version.toString());
        List<String> expected = expectedVersions();
        assertTrue(expected.contains(version.out().strip()), version + "\nexpected one of " + expected);
        assertTrue(version.err().contains("preparing a start-up archive"), version.toString());

        Files.copy(dist.home.resolve("examples/full.yaml"), work.resolve("full.yaml"));
        Files.createDirectories(work.resolve("secrets"));
        Files.copy(dist.home.resolve("examples/secrets/relay.password"), work.resolve("secrets/relay.password"));
        Result validate = dist.mailform(work, "validate", "full.yaml");
        assertEquals(0, validate.exit(), validate.toString());
        assertEquals("", validate.err(), "this run maps the archive the first made, and says nothing");

        Files.writeString(work.resolve("broken.yaml"), "version: 1\nmode: satelite\n");
        Result broken = dist.mailform(work, "validate", "broken.yaml");
        assertEquals(1, broken.exit(), broken.toString());
        assertTrue(broken.err().contains("broken.yaml:2:7"), broken.toString());

        Result compile = dist.mailform(work, "compile", "full.yaml", "-o", "out");
        assertEquals(0, compile.exit(), compile.toString());
        assertTrue(Files.readString(work.resolve("out/postfix/main.cf")).contains("myhostname = "));
        assertTrue(Files.isRegularFile(work.resolve("out/james/conf/mailetcontainer.xml")));

        // The start-up archive of Java 17 (class-data sharing) went to the user's cache, nothing into the installation.
        try (Stream<Path> cached = Files.walk(dist.userHome.resolve(".cache/mailform"))) {
            List<String> archives = cached.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("mailform-") && name.endsWith(".jsa")).toList();
            assertEquals(1, archives.size(), archives.toString());
        }
        assertEquals(before, Unpacked.listing(dist.home));
    }

    @Test
    void runStartsJamesFromTheRuntimeFolderAndStopsAtSigterm() throws Exception {
        dist = Unpacked.into(scratch);
        Path work = Files.createDirectories(scratch.resolve("work"));
        ProcessBuilder builder = new ProcessBuilder(dist.home.resolve("bin/mailform").toString(), "run",
                dist.home.resolve("examples/internet-site.yaml").toString(), "--ports-file", "ports")
                .directory(work.toFile()).redirectError(work.resolve("stderr").toFile());
        builder.environment().clear();
        builder.environment().putAll(dist.environment());
        Process run = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();   // ends when the process does, if it never gets ready
            assertTrue(ready != null && ready.startsWith("ready smtp="),
                    ready + "\n" + Files.readString(work.resolve("stderr")));
            assertTrue(Files.readString(work.resolve("ports")).contains("smtp="));
        } finally {
            run.destroy();   // SIGTERM, which the launcher passes on to the JVM
            if (!run.waitFor(120, TimeUnit.SECONDS)) {
                run.destroyForcibly();
            }
        }
        assertEquals(0, run.exitValue(), "a clean stop by SIGTERM\n" + Files.readString(work.resolve("stderr")));
        // The first run recorded the runtime's class cache in the user's cache directory.
        try (Stream<Path> cached = Files.walk(dist.userHome.resolve(".cache/mailform"))) {
            assertEquals(1, cached.filter(path -> path.toString().contains("/class-cache/")
                    && path.toString().endsWith(".jsa")).count());
        }
    }

    @Test
    void theShippedCompletionScriptCompletesCommandsAndOptions() throws Exception {
        dist = Unpacked.into(scratch);
        Path script = dist.home.resolve("share/bash-completion/completions/mailform");
        assertEquals(List.of("validate"), BashCompletion.complete(script, "mailform", "val"));
        assertEquals(List.of("--output"), BashCompletion.complete(script, "mailform", "compile", "--out"));
    }

    @Test
    void everyJarOfTheRuntimeClassPathIsInTheArchive() throws Exception {
        dist = Unpacked.into(scratch);
        String[] entries = Files.readString(dist.home.resolve("runtime/classpath")).strip().split(":");
        assertTrue(entries.length > 300, entries.length + " jars");
        assertTrue(entries[0].startsWith("runtime/lib/mailform-runtime-"), entries[0]);
        for (String entry : entries) {
            assertTrue(Files.isRegularFile(dist.home.resolve(entry)), entry);
        }
        try (Stream<Path> jars = Files.list(dist.home.resolve("runtime/lib"))) {
            assertEquals(entries.length, jars.count(), "runtime/lib holds the class path's jars and nothing else");
        }
        try (Stream<Path> lib = Files.list(dist.home.resolve("lib"))) {
            assertEquals(List.of("launch.sh", "mailform.jar"),
                    lib.map(path -> path.getFileName().toString()).sorted().toList());
        }
        assertFalse(Files.exists(dist.home.resolve("runtime/lib/junit-jupiter-api-5.14.4.jar")));
    }

    /**
     * What --version may say: the commit git reports for the checkout the archive was built from. A work tree with
     * changes now may have had them at the build or not (they may have been made during it): either is right then.
     */
    private static List<String> expectedVersions() throws IOException, InterruptedException {
        Path checkout = Unpacked.checkout();
        if (!Files.exists(checkout.resolve(".git"))) {
            return List.of("mailform 0.1.0-SNAPSHOT (unknown commit)");
        }
        Result log = Unpacked.run(List.of("git", "--git-dir=" + checkout.resolve(".git"), "log", "-1", "--abbrev=7",
                "--format=%h %cd", "--date=format-local:%Y-%m-%d"), checkout,
                Map.of("PATH", "/usr/bin:/bin", "TZ", "UTC"), 60);
        Result status = Unpacked.run(List.of("git", "status", "--porcelain", "--untracked-files=no"), checkout,
                Map.of("PATH", "/usr/bin:/bin"), 60);
        assertEquals(0, log.exit(), log.toString());
        String[] commit = log.out().strip().split(" ");
        String clean = "mailform 0.1.0-SNAPSHOT (commit " + commit[0] + ", " + commit[1] + ")";
        String changed = "mailform 0.1.0-SNAPSHOT (commit " + commit[0] + " with local changes, " + commit[1] + ")";
        return status.out().isBlank() ? List.of(clean) : List.of(clean, changed);
    }
}
