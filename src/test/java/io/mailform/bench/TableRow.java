package io.mailform.bench;

import java.util.Locale;

/**
 * One row of {@code ci/benchmark}'s main table: what was measured, the yardstick measured in the same run, their
 * ratio and the goal the ratio is held to: at most the target (times, memory) or at least (throughput).
 */
public record TableRow(String goal, String measurement, String mailform, String yardstick, double ratio,
        double target, boolean atLeast) {

    public static TableRow atMost(String goal, String measurement, String mailform, String yardstick, double ratio,
            double target) {
        return new TableRow(goal, measurement, mailform, yardstick, ratio, target, false);
    }

    public static TableRow atLeast(String goal, String measurement, String mailform, String yardstick, double ratio,
            double target) {
        return new TableRow(goal, measurement, mailform, yardstick, ratio, target, true);
    }

    public boolean met() {
        return atLeast ? ratio >= target : ratio <= target;
    }

    public String markdown() {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f× | %s %.2f× | %s |", goal, measurement, mailform,
                yardstick, ratio, atLeast ? "≥" : "≤", target, met() ? "yes" : "**no**");
    }

    public static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    public static String megabytes(long kilobytes) {
        return String.format(Locale.ROOT, "%.0f MB", kilobytes / 1024.0);
    }
}
