package io.mailform.runtime.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of {@code ci/benchmark}'s main table, in the columns of the compiler's {@code TableRow}: what was measured,
 * the yardstick measured in the same run, their ratio and the goal it is held to, at most (times) or at least
 * (throughput).
 */
record Row(String goal, String measurement, String mailform, String yardstick, double ratio, double target,
        boolean atLeast) {

    static Row atMost(String goal, String measurement, String mailform, String yardstick, double ratio,
            double target) {
        return new Row(goal, measurement, mailform, yardstick, ratio, target, false);
    }

    static Row atLeast(String goal, String measurement, String mailform, String yardstick, double ratio,
            double target) {
        return new Row(goal, measurement, mailform, yardstick, ratio, target, true);
    }

    boolean met() {
        return atLeast ? ratio >= target : ratio <= target;
    }

    String markdown() {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f× | %s %.2f× | %s |", goal, measurement, mailform,
            yardstick, ratio, atLeast ? "≥" : "≤", target, met() ? "yes" : "**no**");
    }

    static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** {@code 1.62 s (1.55–1.80 s, 5 runs)} */
    static String summary(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        return String.format(Locale.ROOT, "%.2f s (%.2f–%.2f s, %d runs)", median(millis) / 1000.0,
            sorted.get(0) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0, millis.size());
    }
}
