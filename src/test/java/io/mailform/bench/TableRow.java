package io.mailform.bench;

import java.util.Locale;

/**
 * One row of {@code ci/benchmark}'s main table: what was measured, the yardstick measured in the same run, their
 * ratio and the goal the ratio is held to. A ratio "at most" the target meets it.
 */
public record TableRow(String goal, String measurement, String mailform, String yardstick, double ratio,
        double target) {

    public boolean met() {
        return ratio <= target;
    }

    public String markdown() {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f× | ≤ %.2f× | %s |", goal, measurement, mailform,
                yardstick, ratio, target, met() ? "yes" : "**no**");
    }

    public static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    public static String megabytes(long kilobytes) {
        return String.format(Locale.ROOT, "%.0f MB", kilobytes / 1024.0);
    }
}
