package io.mailform.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.mailform.runtime.server.TemporaryDirectories;

/**
 * The address fuzzer finds what it is for: with one local domain taken out of the James configuration after
 * compiling (Postfix keeps it), Jazzer, started from nothing but the plainest probe (no committed input), reports a
 * divergence on that domain within two minutes, servers' start included. Runs Jazzer's own command line on {@link
 * PlantedDivergenceTarget} in a JVM of its own, as only one fuzzing run fits in a JVM.
 */
class PlantedDivergenceTest {
    private static final Duration WITHIN = Duration.ofMinutes(2);
    private static final int ROOM = 64;

    @Test
    void aLocalDomainMissingFromJamesIsFoundWithinTwoMinutes() throws Exception {
        Path work = TemporaryDirectories.register(Files.createTempDirectory("mailform-planted-"));
        try {
            Path corpus = Files.createDirectory(work.resolve("corpus"));
            // One input of zero bytes, the plainest probe, gives the fuzzer room: with -len_control=0 libFuzzer
            // mutates within the longest input it has, and from an empty corpus that is 4 bytes.
            Files.write(corpus.resolve("plainest"), new byte[ROOM]);
            Path output = work.resolve("jazzer.log");
            Process jazzer = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1536m", "-Dbasedir=" + AddressFuzzTest.PROJECT.resolve("runtime"),
                    "-cp", System.getProperty("java.class.path"),
                    "com.code_intelligence.jazzer.Jazzer",
                    "--target_class=" + PlantedDivergenceTarget.class.getName(),
                    "--instrumentation_includes=io.mailform.**:org.apache.james.core.**"
                        + ":org.apache.james.protocols.smtp.**:org.apache.james.smtpserver.**",
                    "-max_total_time=" + WITHIN.toSeconds(), "-timeout=300", "-rss_limit_mb=3072",
                    "-max_len=512", "-len_control=0", "-artifact_prefix=" + work + "/", corpus.toString()))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            long started = System.nanoTime();
            boolean ended = jazzer.waitFor(WITHIN.toSeconds() + 60, TimeUnit.SECONDS);
            if (!ended) {
                jazzer.destroy();
                jazzer.waitFor(30, TimeUnit.SECONDS);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(ended, "Jazzer did not end in time:\n" + tail(log));
            assertNotEquals(0, jazzer.exitValue(), "Jazzer found nothing:\n" + tail(log));
            assertTrue(log.contains("James and Postfix differ") && log.contains(PlantedDivergenceTarget.PLANTED),
                "Jazzer stopped on something else than the planted domain:\n" + tail(log));
            assertTrue(took.compareTo(WITHIN) <= 0, "found after " + took.toSeconds() + " s:\n" + tail(log));
            System.err.println("PlantedDivergenceTest: found after " + took.toSeconds() + " s\n"
                + finding(log));
        } finally {
            TemporaryDirectories.delete(work);
        }
    }

    private static String finding(String log) {
        int start = log.indexOf("James and Postfix differ");
        return start < 0 ? "" : log.substring(start, Math.min(log.length(), start + 1500));
    }

    /** The end of Jazzer's log, without its lines about the classes it instrumented. */
    private static String tail(String log) {
        String told = log.lines().filter(line -> !line.startsWith("INFO: Instrumented"))
            .collect(java.util.stream.Collectors.joining("\n"));
        return told.length() <= 6000 ? told : told.substring(told.length() - 6000);
    }
}
