package io.mailform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mailform.bench.Descriptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * compile on a disk that fills up, and compile killed at any moment: the output directory is always one whole
 * output, the earlier one or the new one, never a mixture, and the next compile starts from it.
 */
class CompileUnderFaultsTest {
    @TempDir
    Path temp;

    @Test
    void aFullDiskLeavesTheEarlierOutputAsItWas() throws Exception {
        Path mount = Files.createDirectories(temp.resolve("small"));
        Path small = Descriptions.write(temp.resolve("small.yaml"), Descriptions.description(10));
        Path large = Descriptions.write(temp.resolve("large.yaml"), Descriptions.description(20_000));
        run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString());
        try {
            Path out = mount.resolve("out");
            assertEquals(0, CliRun.of("compile", small.toString(), "-o", out.toString()).exitCode());
            List<String> before = listing(mount);
            CliRun full = CliRun.of("compile", large.toString(), "-o", out.toString());
            assertEquals(ExitCode.IO, full.exitCode(), full.err());
            assertTrue(full.err().contains("No space left on device"), full.err());
            assertEquals(before, listing(mount), "the tmpfs holds exactly what it held before");
            assertEquals(0, CliRun.of("compile", small.toString(), "-o", out.toString()).exitCode(),
                    "the full disk left nothing behind that stands in the way");
        } finally {
            run("umount", mount.toString());
        }
    }

    @Test
    void compileKilledAtAnyMomentLeavesOneWholeOutput() throws Exception {
        Path first = Descriptions.write(temp.resolve("first.yaml"), Descriptions.description(5_000));
        Path second = Descriptions.write(temp.resolve("second.yaml"), Descriptions.description(5_001));
        Path out = temp.resolve("work/out");
        assertEquals(0, CliRun.of("compile", first.toString(), "-o", out.toString()).exitCode());
        long whole = timeOfOneCompile(second, temp.resolve("timing"));
        int kills = 8;
        for (int i = 0; i < kills; i++) {
            Process compile = compileProcess(i % 2 == 0 ? second : first, out);
            Thread.sleep(whole * (i + 1) / (kills + 1));
            compile.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            // The next compile puts back what a kill between the two renames left aside, then writes.
            assertOneWholeOutput(out.getParent(), out, "after a kill at " + (i + 1) + "/" + (kills + 1));
        }
        assertEquals(0, CliRun.of("compile", first.toString(), "-o", out.toString()).exitCode());
        verifyAgainstManifest(out, "after the kills, a compile to the end");
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertEquals(List.of(out), siblings.toList(), "no staging or set-aside directory is left");
        }
    }

    /** out is one whole output, or is missing with one whole output set aside for the next compile to put back. */
    private static void assertOneWholeOutput(Path parent, Path out, String when) throws Exception {
        Path candidate = out;
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> siblings = Files.list(parent)) {
                List<Path> aside = siblings.filter(p -> p.getFileName().toString().startsWith(".out.mailform-old-"))
                        .toList();
                assertEquals(1, aside.size(), when + ": no output and not one set aside: " + aside);
                candidate = aside.get(0);
            }
        }
        verifyAgainstManifest(candidate, when);
    }

    private static void verifyAgainstManifest(Path directory, String when) throws Exception {
        JsonNode manifest = JsonMapper.builder().build().readTree(
                Files.readString(directory.resolve("mailform-manifest.json"), StandardCharsets.UTF_8));
        Set<String> listed = new TreeSet<>(List.of("mailform-manifest.json"));
        for (JsonNode file : manifest.get("files")) {
            String path = file.get("path").asString();
            listed.add(path);
            byte[] content = Files.readAllBytes(directory.resolve(path));
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            assertEquals(file.get("sha256").asString(), sha, when + ": " + path + " differs from its manifest");
        }
        Set<String> present = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.filter(Files::isRegularFile).forEach(p -> present.add(directory.relativize(p).toString()));
        }
        assertEquals(listed, present, when + ": files beside those of the manifest");
    }

    private static long timeOfOneCompile(Path description, Path out) throws Exception {
        long start = System.nanoTime();
        Process compile = compileProcess(description, out);
        if (!compile.waitFor(120, TimeUnit.SECONDS) || compile.exitValue() != 0) {
            fail("compile in a process of its own failed: exit " + compile.exitValue());
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static Process compileProcess(Path description, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "compile", description.toString(), "-o", out.toString(), "--target", "postfix")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Every entry below {@code root}, with the size of each file; hidden leftovers would show here too. */
    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.map(p -> root.relativize(p) + (Files.isRegularFile(p) ? " " + sizeOf(p) : "")).sorted().toList();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            fail(String.join(" ", command) + " failed (" + output.strip() + "): this test mounts a small tmpfs to fill"
                    + " up; run the tests as root, as ci/test does");
        }
    }
}
