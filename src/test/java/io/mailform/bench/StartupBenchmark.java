package io.mailform.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Goal 1, start-up: {@code ci/mailform validate} of every example, a whole process as users run it, against a Java
 * hello world measured in the same series, interleaved (hello, example, hello, example...), so that a busy machine
 * slows both alike. Prints one row of the main table per example; appends to {@code $BENCH_DETAILS} what each step of
 * the launcher contributes, and what C1 alone costs a large description.
 */
public final class StartupBenchmark {
    private static final double TARGET = 4.0;

    private final Path root;
    private final boolean quick;
    private final List<String> hello;

    private StartupBenchmark(Path root, boolean quick, Path helloClasses) {
        this.root = root;
        this.quick = quick;
        this.hello = List.of(java(), "-cp", helloClasses.toString(), "Hello");
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getenv().getOrDefault("BENCH_ROOT", ".")).toAbsolutePath().normalize();
        boolean quick = "1".equals(System.getenv("BENCH_QUICK"));
        Path work = Files.createTempDirectory("mailform-startup");
        try {
            StartupBenchmark benchmark = new StartupBenchmark(root, quick, compileHello(work));
            benchmark.examples();
            String details = System.getenv("BENCH_DETAILS");
            if (details != null && !details.isEmpty()) {
                StringBuilder text = new StringBuilder();
                benchmark.steps(work, text);
                benchmark.largeInput(work, text);
                Files.writeString(Path.of(details), text.toString(), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.CREATE);
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** One row per example: the launcher against hello, interleaved. */
    private void examples() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(root.resolve("examples"))) {
            examples = files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
        Map<String, List<String>> commands = new LinkedHashMap<>();
        for (Path example : examples) {
            String relative = root.relativize(example).toString();
            commands.put(relative, List.of(root.resolve("ci/mailform").toString(), "validate", relative));
        }
        Series series = measure(commands);
        for (Path example : examples) {
            String relative = root.relativize(example).toString();
            WholeProcess.Timing timing = series.timings.get(relative);
            System.out.println(TableRow.atMost("1 start-up", "`validate " + relative + "`, whole process",
                    TableRow.seconds(timing.medianMillis()) + " (" + TableRow.megabytes(timing.peakKilobytes())
                            + ")",
                    "java Hello " + TableRow.seconds(series.hello.medianMillis()),
                    timing.medianMillis() / series.hello.medianMillis(), TARGET).markdown());
        }
    }

    /** What each step of the launcher adds, on examples/full.yaml, in one interleaved series. */
    private void steps(Path work, StringBuilder text) throws IOException {
        String jar = root.resolve("src/target/mailform.jar").toString();
        String example = "examples/full.yaml";
        String archive = archive(work);
        Map<String, List<String>> steps = new LinkedHashMap<>();
        // --format TEXT is not a plain spelling, so it goes through picocli as every command line did before
        steps.put("`java -jar mailform.jar`, command line read by picocli",
                List.of(java(), "-jar", jar, "validate", "--format", "TEXT", example));
        steps.put("`java -jar mailform.jar`, plain validate read directly",
                List.of(java(), "-jar", jar, "validate", example));
        List<String> flags = new ArrayList<>();
        if (archive != null) {
            flags.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off"));
            steps.put("+ class-data sharing archive", command(flags, jar, example));
        }
        flags.add("-XX:TieredStopAtLevel=1");
        steps.put("+ C1 alone (`-XX:TieredStopAtLevel=1`)", command(flags, jar, example));
        flags.addAll(List.of("-XX:CICompilerCount=1", "-XX:-UsePerfData", "-XX:+UseSerialGC"));
        steps.put("+ `-XX:CICompilerCount=1 -XX:-UsePerfData -XX:+UseSerialGC`", command(flags, jar, example));
        String launcher = root.resolve("ci/mailform").toString();
        steps.put("`MAILFORM_JAVA=java ci/mailform`: the above, and the launcher's own checks",
                List.of("/usr/bin/env", "MAILFORM_JAVA=java", launcher, "validate", example));
        String newer = newerJdk();
        if (newer != null) {
            steps.put("`ci/mailform` with " + newer + ": its AOT cache instead", List.of(launcher, "validate", example));
        }
        Series series = measure(steps);
        text.append("Start-up steps, `validate examples/full.yaml` as a whole process, against `java Hello` ")
                .append(TableRow.seconds(series.hello.medianMillis())).append(" in the same series (")
                .append(series.rounds).append(" interleaved runs each):\n\n")
                .append("| step | median | ratio to hello | peak memory |\n|---|---|---|---|\n");
        for (Map.Entry<String, WholeProcess.Timing> step : series.timings.entrySet()) {
            text.append(String.format(Locale.ROOT, "| %s | %s | %.2f× | %s |%n", step.getKey(),
                    TableRow.seconds(step.getValue().medianMillis()),
                    step.getValue().medianMillis() / series.hello.medianMillis(),
                    TableRow.megabytes(step.getValue().peakKilobytes())));
        }
        text.append('\n');
    }

    /** C1 alone is for short runs: what it costs a description with 5,000 aliases. */
    private void largeInput(Path work, StringBuilder text) throws IOException {
        Path large = work.resolve("large.yaml");
        Files.writeString(large, Descriptions.description(5_000, 2_500, 100), StandardCharsets.UTF_8);
        String jar = root.resolve("src/target/mailform.jar").toString();
        List<String> flags = new ArrayList<>(List.of("-XX:-UsePerfData", "-XX:+UseSerialGC"));
        String archive = archive(work);
        if (archive != null) {
            flags.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off"));
        }
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("tiered (C1 and C2)", command(flags, jar, large.toString()));
        List<String> c1 = new ArrayList<>(flags);
        c1.add("-XX:TieredStopAtLevel=1");
        c1.add("-XX:CICompilerCount=1");
        commands.put("C1 alone, as `ci/mailform` runs it", command(c1, jar, large.toString()));
        Series series = measure(commands);
        text.append("`validate` of a description with 5,000 aliases, 2,500 users and 100 routes (")
                .append(Files.size(large) / 1024).append(" KiB), whole process, with the archive and the serial collector in both:")
                .append("\n\n| compilers | median | peak memory |\n|---|---|---|\n");
        for (Map.Entry<String, WholeProcess.Timing> entry : series.timings.entrySet()) {
            text.append("| ").append(entry.getKey()).append(" | ")
                    .append(TableRow.seconds(entry.getValue().medianMillis())).append(" | ")
                    .append(TableRow.megabytes(entry.getValue().peakKilobytes())).append(" |\n");
        }
        text.append('\n');
    }

    /** A class-data sharing archive of this jar for {@code java}, trained as ci/mailform trains its own; or null. */
    private String archive(Path work) {
        Path archive = work.resolve("mailform.jsa");
        if (Files.isRegularFile(archive)) {
            return archive.toString();
        }
        List<String> command = new ArrayList<>(List.of(java(), "-XX:ArchiveClassesAtExit=" + archive, "-jar",
                root.resolve("src/target/mailform.jar").toString(), "validate"));
        try (Stream<Path> files = Files.list(root.resolve("examples"))) {
            files.filter(path -> path.toString().endsWith(".yaml")).sorted().forEach(p -> command.add(p.toString()));
        } catch (IOException e) {
            return null;
        }
        try {
            int exit = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            return exit == 0 && Files.isRegularFile(archive) ? archive.toString() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The JDK 25 or later that ci/mailform picks under /usr/lib/jvm, as "JDK 25.0.3", or null. */
    private static String newerJdk() {
        try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                if (!Files.isReadable(release) || !Files.isExecutable(home.resolve("bin/java"))) {
                    continue;
                }
                for (String line : Files.readAllLines(release)) {
                    if (line.startsWith("JAVA_VERSION=")) {
                        String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                        String major = version.split("\\.")[0];
                        if (major.matches("\\d+") && Integer.parseInt(major) >= 25) {
                            return "JDK " + version;
                        }
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static List<String> command(List<String> flags, String jar, String file) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(flags);
        command.addAll(List.of("-jar", jar, "validate", file));
        return command;
    }

    /** The medians of a series: each command run alternately with hello, round after round. */
    private record Series(WholeProcess.Timing hello, Map<String, WholeProcess.Timing> timings, int rounds) {
    }

    private Series measure(Map<String, List<String>> commands) {
        int rounds = quick ? 3 : 15;
        for (List<String> command : commands.values()) {
            WholeProcess.measure(command, 1, 1); // file cache, and the launcher's archive on its first run
        }
        WholeProcess.measure(hello, 1, 1);
        List<WholeProcess.Timing> helloRuns = new ArrayList<>();
        Map<String, List<WholeProcess.Timing>> runs = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                helloRuns.add(WholeProcess.measure(hello, 0, 1));
                runs.computeIfAbsent(command.getKey(), key -> new ArrayList<>())
                        .add(WholeProcess.measure(command.getValue(), 0, 1));
            }
        }
        Map<String, WholeProcess.Timing> timings = new LinkedHashMap<>();
        runs.forEach((name, list) -> timings.put(name, median(list)));
        return new Series(median(helloRuns), timings, rounds);
    }

    private static WholeProcess.Timing median(List<WholeProcess.Timing> runs) {
        double[] millis = runs.stream().mapToDouble(WholeProcess.Timing::medianMillis).toArray();
        Arrays.sort(millis);
        long peak = runs.stream().mapToLong(WholeProcess.Timing::peakKilobytes).max().orElse(0);
        return new WholeProcess.Timing(runs.get(0).command(), millis[millis.length / 2], peak, runs.size());
    }

    private static Path compileHello(Path work) throws IOException {
        Path source = work.resolve("Hello.java");
        Files.writeString(source, "public class Hello {\n    public static void main(String[] args) {\n"
                + "        System.out.println(\"Hello, world\");\n    }\n}\n", StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(work.resolve("hello"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null || javac.run(null, null, null, "-d", classes.toString(), source.toString()) != 0) {
            throw new UncheckedIOException(new IOException("cannot compile Hello with this JDK"));
        }
        return classes;
    }

    /** The java the launcher finds, on the PATH: both sides of the ratio start the same JVM. */
    private static String java() {
        return "java";
    }
}
