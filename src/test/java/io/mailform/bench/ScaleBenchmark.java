package io.mailform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How mailform's cost grows with the description, as users run it: whole processes of {@code ci/mailform} on
 * generated descriptions of 1,000 to 200,000 aliases, against Postfix's own {@code postalias} building the aliases
 * file mailform wrote, in the same run. Every command of one size is run in turn, round after round, so that a busy
 * machine weighs on mailform and the yardstick alike. Prints rows of ci/benchmark's main table and appends a
 * growth table to {@code $BENCH_DETAILS}. {@code BENCH_QUICK=1}: 1,000 and 10,000 aliases, one run each.
 */
public final class ScaleBenchmark {
    private static final double MEMORY_BOUND_MB = 512;
    /** The heap bound docs/benchmarks.md suggests to sites that must hold compile under MEMORY_BOUND_MB. */
    private static final String HEAP_BOUND = "-Xmx400m";
    private static final String BOUNDED = "compile --target postfix, MAILFORM_JAVA_OPTIONS=" + HEAP_BOUND;

    private final Path root = Path.of(System.getenv().getOrDefault("BENCH_ROOT", "."));
    private final boolean quick = "1".equals(System.getenv("BENCH_QUICK"));
    private final int rounds = quick ? 1 : 3;
    private final Path work;
    private final Path postfixConfig;

    private record Size(int aliases, long bytes, Map<String, WholeProcess.Timing> timings) {
        WholeProcess.Timing get(String what) {
            return timings.get(what);
        }
    }

    private ScaleBenchmark() throws IOException {
        work = Files.createTempDirectory("mailform-scale");
        postfixConfig = Files.createDirectories(work.resolve("postfix-config"));
        // postalias reads main.cf from -c DIR; an empty one means Postfix's defaults, as in the tests.
        Files.writeString(postfixConfig.resolve("main.cf"), "");
        Path master = Stream.of("/usr/share/postfix/master.cf.dist", "/etc/postfix/master.cf").map(Path::of)
                .filter(Files::isRegularFile).findFirst().orElse(null);
        if (master == null) {
            Files.writeString(postfixConfig.resolve("master.cf"), "");
        } else {
            Files.copy(master, postfixConfig.resolve("master.cf"));
        }
        FileTime past = FileTime.from(Instant.now().minusSeconds(60)); // Postfix waits for files a second old
        Files.setLastModifiedTime(postfixConfig.resolve("main.cf"), past);
        Files.setLastModifiedTime(postfixConfig.resolve("master.cf"), past);
    }

    public static void main(String[] args) throws IOException {
        ScaleBenchmark benchmark = new ScaleBenchmark();
        try {
            benchmark.run();
        } finally {
            benchmark.clean();
        }
    }

    private void run() throws IOException {
        List<Integer> sizes = quick ? List.of(1_000, 10_000) : List.of(1_000, 10_000, 100_000, 200_000);
        List<Size> measured = new ArrayList<>();
        for (int aliases : sizes) {
            measured.add(measure(aliases, aliases == sizes.get(sizes.size() - 1)));
        }
        Size large = measured.get(measured.size() - 2);
        Size largest = measured.get(measured.size() - 1);
        String postfix = "compile --target postfix";
        row("compile --target postfix, " + count(large) + " (" + mb(large.bytes()) + "), whole process, against"
                + " postalias on the aliases file it wrote", seconds(large.get(postfix)),
                "postalias " + seconds(large.get("postalias")), ratio(large, postfix, "postalias"), 2.0);
        row("compile --target james, " + count(large) + ", against postalias as above",
                seconds(large.get("compile --target james")), "postalias " + seconds(large.get("postalias")),
                ratio(large, "compile --target james", "postalias"), 2.0);
        double factor = (double) largest.aliases() / large.aliases();
        row(String.format(Locale.ROOT, "compile --target postfix, %s against %s (%.0f times the input: linear is"
                + " %.0f)", count(largest), count(large), factor, factor), seconds(largest.get(postfix)),
                count(large) + ": " + seconds(large.get(postfix)),
                largest.get(postfix).medianMillis() / large.get(postfix).medianMillis(), 1.05 * factor);
        for (String command : List.of(postfix, "compile --target james", "validate")) {
            WholeProcess.Timing timing = largest.get(command);
            row("peak memory of " + command + " at " + count(largest), TableRow.megabytes(timing.peakKilobytes()),
                    String.format(Locale.ROOT, "%.0f MB", MEMORY_BOUND_MB), timing.peakMegabytes() / MEMORY_BOUND_MB,
                    1.0);
        }
        WholeProcess.Timing bounded = largest.get(BOUNDED);
        row("peak memory of " + BOUNDED + " at " + count(largest) + " (time: " + seconds(bounded) + ", unbounded "
                + seconds(largest.get(postfix)) + ")", TableRow.megabytes(bounded.peakKilobytes()),
                String.format(Locale.ROOT, "%.0f MB", MEMORY_BOUND_MB), bounded.peakMegabytes() / MEMORY_BOUND_MB, 1.0);
        pathological(quick ? 10_000 : 100_000, quick ? 1_000 : 10_000);
        details(measured);
    }

    /** The rules' worst shape (see PathologicalDescriptionsTest) against a plain description of the same size. */
    private void pathological(int chain, int networks) throws IOException {
        Path chainFile = Descriptions.write(work.resolve("chain.yaml"), Descriptions.chain(chain, networks, false));
        long perThousand = Descriptions.description(1_000).getBytes(StandardCharsets.UTF_8).length;
        int plainAliases = (int) Math.max(1, Files.size(chainFile) * 1_000 / perThousand);
        Path plainFile = Descriptions.write(work.resolve("plain.yaml"), Descriptions.description(plainAliases));
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("chain", mailform("validate", chainFile.toString()));
        commands.put("plain", mailform("validate", plainFile.toString()));
        Map<String, WholeProcess.Timing> timings = interleaved(commands);
        row(String.format(Locale.ROOT, "validate a chain of %,d aliases and %,d networks (%s), against a plain"
                + " description of the same size (%,d aliases)", chain, networks, mb(Files.size(chainFile)),
                plainAliases), seconds(timings.get("chain")), seconds(timings.get("plain")),
                timings.get("chain").medianMillis() / timings.get("plain").medianMillis(), 2.0);
    }

    private Size measure(int aliases, boolean largest) throws IOException {
        Path description = Descriptions.write(work.resolve("aliases-" + aliases + ".yaml"),
                Descriptions.description(aliases));
        Path postfixOut = work.resolve("out-postfix-" + aliases);
        Path jamesOut = work.resolve("out-james-" + aliases);
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("validate", mailform("validate", description.toString()));
        commands.put("compile --target postfix",
                mailform("compile", description.toString(), "-o", postfixOut.toString(), "--target", "postfix"));
        commands.put("compile --target james",
                mailform("compile", description.toString(), "-o", jamesOut.toString(), "--target", "james"));
        if (largest) {
            List<String> bounded = new ArrayList<>(List.of("/usr/bin/env", "MAILFORM_JAVA_OPTIONS=" + HEAP_BOUND));
            bounded.addAll(mailform("compile", description.toString(), "-o", work.resolve("out-bounded").toString(),
                    "--target", "postfix"));
            commands.put(BOUNDED, bounded);
        }
        // The yardstick needs the aliases file, so compile once before the rounds.
        WholeProcess.measure(commands.get("compile --target postfix"), 0, 1);
        Path aliasesCopy = Files.createDirectories(work.resolve("postalias-" + aliases)).resolve("aliases");
        Files.copy(postfixOut.resolve("postfix/aliases"), aliasesCopy, StandardCopyOption.REPLACE_EXISTING);
        commands.put("postalias", List.of(postalias(), "-c", postfixConfig.toString(), aliasesCopy.toString()));
        return new Size(aliases, Files.size(description), interleaved(commands));
    }

    /** Each command once per round, in turn (after one unmeasured round unless quick); median and peak of each. */
    private Map<String, WholeProcess.Timing> interleaved(Map<String, List<String>> commands) {
        if (!quick) {
            commands.values().forEach(command -> WholeProcess.measure(command, 0, 1));
        }
        Map<String, List<WholeProcess.Timing>> runs = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            commands.forEach((name, command) -> runs.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(WholeProcess.measure(command, 0, 1)));
        }
        Map<String, WholeProcess.Timing> result = new LinkedHashMap<>();
        runs.forEach((name, timings) -> {
            double[] millis = timings.stream().mapToDouble(WholeProcess.Timing::medianMillis).sorted().toArray();
            long peak = timings.stream().mapToLong(WholeProcess.Timing::peakKilobytes).max().orElse(0);
            result.put(name, new WholeProcess.Timing(commands.get(name), millis[millis.length / 2], peak, rounds));
        });
        return result;
    }

    private void details(List<Size> sizes) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("Growth with the number of aliases: whole processes, median of ").append(rounds)
                .append(rounds == 1 ? " run" : " runs").append(" and peak memory; postalias builds the aliases file"
                        + " that compile wrote:\n\n");
        table.append("| aliases | bytes | validate (s / MB) | compile postfix (s / MB) | compile james (s / MB) |"
                + " postalias (s / MB) |\n|---|---|---|---|---|---|\n");
        for (Size size : sizes) {
            table.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %s | %s | %s |%n", size.aliases(),
                    size.bytes(), cell(size.get("validate")), cell(size.get("compile --target postfix")),
                    cell(size.get("compile --target james")), cell(size.get("postalias"))));
        }
        table.append('\n');
        String target = System.getenv("BENCH_DETAILS");
        if (target == null) {
            System.out.print(table);
        } else {
            Files.writeString(Path.of(target), table, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private static String cell(WholeProcess.Timing timing) {
        return String.format(Locale.ROOT, "%.2f / %.0f", timing.medianSeconds(), timing.peakMegabytes());
    }

    private static void row(String measurement, String mailform, String yardstick, double ratio, double target) {
        System.out.println(TableRow.atMost("2 scale", measurement, mailform, yardstick, ratio, target).markdown());
    }

    private static double ratio(Size size, String measured, String yardstick) {
        return size.get(measured).medianMillis() / size.get(yardstick).medianMillis();
    }

    private static String seconds(WholeProcess.Timing timing) {
        return TableRow.seconds(timing.medianMillis());
    }

    private static String count(Size size) {
        return String.format(Locale.ROOT, "%,d aliases", size.aliases());
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private List<String> mailform(String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("ci/mailform").toString()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static String postalias() {
        for (String candidate : List.of("/usr/sbin/postalias", "/usr/bin/postalias")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("postalias is missing: apt-get install postfix");
    }

    private void clean() throws IOException {
        try (Stream<Path> paths = Files.walk(work)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
