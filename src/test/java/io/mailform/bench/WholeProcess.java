package io.mailform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a command as users run it, a whole process each time, and reports its median wall time and its largest peak
 * resident memory. GNU time measures both, so what is measured is the command alone, not this JVM.
 */
public final class WholeProcess {
    /** One command's measurements over several runs. */
    public record Timing(List<String> command, double medianMillis, long peakKilobytes, int runs) {
        public double medianSeconds() {
            return medianMillis / 1000.0;
        }

        public double peakMegabytes() {
            return peakKilobytes / 1024.0;
        }
    }

    private WholeProcess() {
    }

    /** Runs the command {@code warmups} times unmeasured (file cache, archives built on first use), then {@code runs} times. */
    public static Timing measure(List<String> command, int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            once(command);
        }
        double[] millis = new double[runs];
        long peak = 0;
        for (int i = 0; i < runs; i++) {
            long[] run = once(command);
            millis[i] = run[0] / 1_000_000.0;
            peak = Math.max(peak, run[1]);
        }
        Arrays.sort(millis);
        return new Timing(List.copyOf(command), millis[runs / 2], peak, runs);
    }

    /** Nanoseconds of wall time and peak kilobytes of one run; the command must exit 0. */
    private static long[] once(List<String> command) {
        Path report = null;
        try {
            report = Files.createTempFile("mailform-bench", ".time");
            List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", report.toString()));
            timed.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(timed)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            int exit = builder.start().waitFor();
            long elapsed = System.nanoTime() - start;
            if (exit != 0) {
                throw new IllegalStateException("exit " + exit + " from " + String.join(" ", command));
            }
            String[] lines = Files.readString(report).strip().split("\n");
            return new long[] {elapsed, Long.parseLong(lines[lines.length - 1].strip())};
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (report != null) {
                try {
                    Files.deleteIfExists(report);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
