package io.mailform.runtime.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The median of a series of measurements, and how it is shown beside its range. */
final class Medians {
    private Medians() {
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
