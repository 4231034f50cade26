package io.mailform.runtime.bench;

import io.mailform.bench.TableRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Section 30 of {@code ci/benchmark}: how long {@code ci/mailform run DIR} takes from JVM launch until it is ready
 * (SMTP answers 220 and provisioning.json is applied, the moment it prints its ready line), against stock James 3.8.1's
 * {@code MemoryJamesServerMain} on the same compiled directory until its SMTP answers 220, interleaved in one series;
 * and the same start with 10,000 users and 100,000 aliases against the small example.
 *
 * <p>Environment: {@code BENCH_ROOT} (the checkout), {@code BENCH_QUICK=1} (fewer runs), {@code BENCH_DETAILS} (a file
 * for the details table). Rows go to standard output.
 */
public final class RuntimeStartBenchmark {
    static final int USERS = 10_000;
    static final int ALIASES = 100_000;
    private static final Pattern PROVISIONED = Pattern.compile("provisioned in (\\d+) ms");
    private static final long TIMEOUT_SECONDS = 300;

    private final Path root;
    private final Path work;

    private RuntimeStartBenchmark(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("BENCH_ROOT", ".")).toAbsolutePath();
        boolean quick = "1".equals(System.getenv("BENCH_QUICK"));
        Path work = Files.createTempDirectory("mailform-bench-start-");
        try {
            System.exit(new RuntimeStartBenchmark(root, work).run(quick ? 2 : 5, quick ? 1 : 3));
        } finally {
            delete(work);
        }
    }

    private int run(int runs, int bigRuns) throws Exception {
        Path small = work.resolve("small");
        compile(root.resolve("examples/internet-site.yaml"), small);
        Path bigYaml = work.resolve("big.yaml");
        writeBigDescription(bigYaml);
        Path big = work.resolve("big");
        Optional<String> bigProblem = compile(bigYaml, big);
        Path stock = StockJames.prepare(small.resolve("james/conf"), work.resolve("stock"));

        // The first start of a checkout records the class cache; it is not measured.
        startRuntime(small, Map.of());
        startStock(stock);

        List<Double> runtime = new ArrayList<>();
        List<Double> withoutCache = new ArrayList<>();
        List<Double> stockJames = new ArrayList<>();
        List<Double> smallProvisioning = new ArrayList<>();
        List<Double> bigStart = new ArrayList<>();
        List<Double> bigProvisioning = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Start start = startRuntime(small, Map.of());
            runtime.add(start.millis());
            smallProvisioning.add(start.provisioningMillis());
            stockJames.add(startStock(stock));
            withoutCache.add(startRuntime(small, Map.of("MAILFORM_CLASS_CACHE", "off")).millis());
            if (i < bigRuns && bigProblem.isEmpty()) {
                Start bigOne = startRuntime(big, Map.of());
                bigStart.add(bigOne.millis());
                bigProvisioning.add(bigOne.provisioningMillis());
            }
        }

        double runtimeMedian = Medians.median(runtime);
        System.out.println(TableRow.atMost("3 runtime start",
            "`ci/mailform run DIR`, compiled internet-site, JVM launch to ready (220, provisioned)",
            Medians.summary(runtime), "stock James 3.8.1 `MemoryJamesServerMain`, same directory, launch to 220: "
                + Medians.summary(stockJames),
            runtimeMedian / Medians.median(stockJames), 0.5).markdown());
        if (bigProblem.isPresent()) {
            System.err.println("runtime start: the description of " + USERS + " users and " + ALIASES
                + " aliases did not compile: " + bigProblem.get());
        } else {
            System.out.println(TableRow.atMost("3 runtime start",
                "`ci/mailform run DIR`, 10,000 users and 100,000 aliases, launch to ready",
                Medians.summary(bigStart), "small example (internet-site) ready: " + TableRow.seconds(runtimeMedian),
                Medians.median(bigStart) / runtimeMedian, 3.0).markdown());
            System.out.println(TableRow.atMost("2 scale",
                "runtime provisioning of 100,000 aliases (400,008 mappings in 4 local domains) and 10,018 accounts",
                Medians.summary(bigProvisioning), "whole start of the small example: " + TableRow.seconds(runtimeMedian),
                Medians.median(bigProvisioning) / runtimeMedian, 1.0).markdown());
        }
        details(runtime, withoutCache, stockJames, smallProvisioning, bigStart, bigProvisioning);
        return bigProblem.isPresent() ? 1 : 0;
    }

    private static void details(List<Double> runtime, List<Double> withoutCache, List<Double> stock,
            List<Double> smallProvisioning, List<Double> bigStart, List<Double> bigProvisioning) throws IOException {
        String file = System.getenv("BENCH_DETAILS");
        if (file == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append("Runtime start, JVM launch to ready, interleaved in one series (median, range):\n\n");
        text.append("| what | time |\n|---|---|\n");
        text.append("| `ci/mailform run DIR`, internet-site, with the class cache | ").append(Medians.summary(runtime))
            .append(" |\n");
        text.append("| the same without it (`MAILFORM_CLASS_CACHE=off`) | ").append(Medians.summary(withoutCache))
            .append(" |\n");
        text.append("| stock James 3.8.1, same directory, to 220 | ").append(Medians.summary(stock)).append(" |\n");
        text.append("| provisioning of the internet-site example (20 accounts, 24 mappings) | ")
            .append(Medians.summary(smallProvisioning)).append(" |\n");
        if (!bigStart.isEmpty()) {
            text.append("| 10,000 users, 100,000 aliases: whole start | ").append(Medians.summary(bigStart)).append(" |\n");
            text.append("| 10,000 users, 100,000 aliases: provisioning | ").append(Medians.summary(bigProvisioning))
                .append(" |\n");
        }
        text.append('\n');
        Files.writeString(Path.of(file), text, StandardOpenOption.APPEND, StandardOpenOption.CREATE);
    }

    private Optional<String> compile(Path description, Path output) throws IOException, InterruptedException {
        Path log = work.resolve("compile.log");
        Process process = new ProcessBuilder(root.resolve("ci/mailform").toString(), "compile",
            description.toString(), "-o", output.toString())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            String text = Files.readString(log);
            if (description.getFileName().toString().equals("internet-site.yaml")) {
                throw new IllegalStateException("cannot compile " + description + ": " + text);
            }
            return Optional.of(text.lines().filter(line -> line.contains("error")).findFirst().orElse(text.strip()));
        }
        return Optional.empty();
    }

    /** version 1, internet-site, users u00000..u09999, aliases a000000..a099999 each to one user. */
    static void writeBigDescription(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("version: 1\nmode: internet-site\nhostname: mail.example.org\nmail_name: example.org\n"
                + "root_recipient: u00000\nusers:\n");
            for (int i = 0; i < USERS; i++) {
                out.write(String.format("  - name: u%05d%n", i));
            }
            out.write("aliases:\n");
            for (int i = 0; i < ALIASES; i++) {
                out.write(String.format("  a%06d: u%05d%n", i, i % USERS));
            }
        }
    }

    record Start(double millis, double provisioningMillis) {
    }

    /** Launch to the ready line of {@code ci/mailform run DIR}; then SIGTERM and wait for the end. */
    private Start startRuntime(Path system, Map<String, String> environment) throws Exception {
        Path log = work.resolve("runtime.err");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("ci/mailform").toString(), "run", system.toString())
            .redirectError(log.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
                // The ready line is the first; anything before it would be a bug, and is skipped.
            }
            double millis = (System.nanoTime() - start) / 1e6;
            if (line == null) {
                throw new IllegalStateException("the runtime ended before it was ready: " + Files.readString(log));
            }
            stop(process);
            Matcher provisioned = PROVISIONED.matcher(Files.readString(log));
            return new Start(millis, provisioned.find() ? Double.parseDouble(provisioned.group(1)) : Double.NaN);
        } finally {
            process.destroyForcibly();
        }
    }

    /** Launch to the 220 greeting of stock James. */
    private double startStock(Path stock) throws Exception {
        List<String> command = List.of(javaCommand(), "-Dworking.directory=" + stock,
            "-Dlogback.configurationFile=io/mailform/runtime/logback-run.xml", "-cp", runClasspath(),
            "org.apache.james.MemoryJamesServerMain");
        Path log = work.resolve("stock.log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = start + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!greets(StockJames.SMTP_PORT)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("stock James did not answer 220: " + Files.readString(log));
                }
                Thread.sleep(5);
            }
            double millis = (System.nanoTime() - start) / 1e6;
            stop(process);
            return millis;
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean greets(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
            return line != null && line.startsWith("220");
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private String runClasspath() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("runtime/target"))) {
            String jar = files.filter(file -> file.getFileName().toString().matches("mailform-runtime-.*\\.jar"))
                .findFirst().orElseThrow().toString();
            return jar + ":" + Files.readString(root.resolve("runtime/target/run-classpath.txt")).strip();
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
