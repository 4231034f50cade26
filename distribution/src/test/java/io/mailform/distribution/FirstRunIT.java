package io.mailform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.distribution.Unpacked.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;
import tools.jackson.databind.ObjectMapper;

/**
 * What a tool reads from mailform on a first run, when the launcher makes its start-up archive (the compiler) or
 * records the class cache (the runtime), with each kind of JVM the launcher knows: Java 17 (a class-data sharing
 * archive) and JDK 25 (an AOT cache). The JVM's own messages about them must reach neither standard output nor
 * standard error: the output parses, and standard error holds mailform's own lines only.
 */
class FirstRunIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREPARING = "mailform: preparing a start-up archive (first run; a few seconds, once)...";
    private static final String RECORDING = "mailform: this run records a class cache of the runtime (once per build "
            + "and Java runtime): it ends a little later, and later runs start faster";

    @TempDir
    Path scratch;

    private Unpacked dist;
    private Path work;
    private int caches;

    @BeforeEach
    void unpack() throws Exception {
        dist = Unpacked.into(scratch);
        work = Files.createDirectories(scratch.resolve("work"));
        Files.writeString(work.resolve("broken.yaml"), "version: 1\nmode: satelite\n");
        Files.copy(dist.home.resolve("examples/full.yaml"), work.resolve("full.yaml"));
        Files.createDirectories(work.resolve("secrets"));
        Files.copy(dist.home.resolve("examples/secrets/relay.password"), work.resolve("secrets/relay.password"));
    }

    @AfterEach
    void removeLinks() throws IOException {
        dist.close();
        Unpacked.removeLinks(scratch.resolve("jdk"));
    }

    /** "java": Java 17, the only java on PATH; else a JDK 25, by its path. */
    private static String java(String jvm) throws IOException {
        return jvm.equals("17") ? "java" : Unpacked.java25().toString();
    }

    /** An environment with JVM {@code jvm} and a cache directory of its own, empty: every run in it is a first run. */
    private Map<String, String> firstRun(String jvm) throws IOException {
        return dist.environment(java(jvm), Files.createDirectories(scratch.resolve("cache-" + ++caches)));
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(strings = {"17", "25"})
    void theCompilersMachineReadableOutputIsCleanOnAFirstRun(String jvm) throws Exception {
        for (String format : List.of("json", "sarif")) {
            Result validate = compilerFirstRun(jvm, 1, "validate", "--format", format, "broken.yaml");
            assertTrue(JSON.readTree(validate.out()).toString().contains("schema-enum"), validate.toString());
        }
        Result github = compilerFirstRun(jvm, 1, "validate", "--format", "github", "broken.yaml");
        assertTrue(github.out().lines().allMatch(line -> line.startsWith("::error file=broken.yaml,")), github.toString());
        assertEquals(3, github.out().lines().count(), github.toString());

        Result compile = compilerFirstRun(jvm, 0, "compile", "--format", "json", "full.yaml", "-o", "out");
        assertEquals(0, JSON.readTree(compile.out()).get("errors").asInt(), compile.toString());
        Result diff = compilerFirstRun(jvm, 0, "diff", "--format", "json", "full.yaml", "--against", "out");
        assertEquals(0, JSON.readTree(diff.out()).get("errors").asInt(), diff.toString());
    }

    /** Runs a compiler command on a first run: it prepares the archive, says so in one line, and says nothing else. */
    private Result compilerFirstRun(String jvm, int exit, String... args) throws Exception {
        Map<String, String> environment = firstRun(jvm);
        Result run = dist.mailform(work, environment, args);
        assertEquals(exit, run.exit(), run.toString());
        assertEquals(PREPARING, run.err().lines().findFirst().orElse(""), run.toString());
        assertTrue(run.err().lines().skip(1).allMatch(line -> line.startsWith("mailform: wrote ")), run.toString());
        assertEquals(1, files(Path.of(environment.get("XDG_CACHE_HOME")), jvm.equals("17") ? ".jsa" : ".aot"),
                "the first run made the archive");
        return run;
    }

    /** Each report format on a first run of one JVM: both go out the same way, and each first run costs a recording. */
    @ParameterizedTest(name = "JDK {0}, {1}")
    @CsvSource({"17, junit", "25, json"})
    void testsReportsAreCleanOnAFirstRun(String jvm, String format) throws Exception {
        Result report = runtimeFirstRun(jvm, format);
        if (format.equals("json")) {
            assertTrue(JSON.readTree(report.out()).get("passed").asBoolean(), report.toString());
        } else {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(report.out())));
            assertTrue(report.out().contains("<testsuite"), report.toString());
        }
    }

    /**
     * Runs the cases of the internet-site example on James on a first run, which records the class cache: standard
     * error has the runtime's progress lines and the one line that says the cache is recorded, and nothing else.
     */
    private Result runtimeFirstRun(String jvm, String format) throws Exception {
        Map<String, String> environment = firstRun(jvm);
        Result run = dist.mailform(work, environment, "test", dist.home.resolve("examples/internet-site.yaml").toString(),
                dist.home.resolve("examples/scenarios/internet-site.yaml").toString(), "--server", "james",
                "--format", format);
        assertEquals(0, run.exit(), run.toString());
        List<String> mailform = run.err().lines().filter(line -> !line.startsWith("  james: ")).toList();
        assertEquals(List.of(RECORDING), mailform, run.toString());
        assertEquals(1, files(Path.of(environment.get("XDG_CACHE_HOME")), jvm.equals("17") ? ".jsa" : ".aot"),
                "the first run recorded the class cache");
        return run;
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(strings = {"17", "25"})
    void runPrintsItsReadyLineAndPortsAloneOnAFirstRun(String jvm) throws Exception {
        Map<String, String> environment = firstRun(jvm);
        ProcessBuilder builder = new ProcessBuilder(dist.home.resolve("bin/mailform").toString(), "run",
                dist.home.resolve("examples/internet-site.yaml").toString(), "--ports-file", "ports")
                .directory(work.toFile()).redirectError(work.resolve("stderr").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process run = builder.start();
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(run.getInputStream(),
                StandardCharsets.UTF_8))) {
            String ready = reader.readLine();   // ends when the process does, if it never gets ready
            assertTrue(ready != null && ready.startsWith("ready smtp="),
                    ready + "\n" + Files.readString(work.resolve("stderr")));
            out.add(ready);
            run.toHandle().destroy();   // SIGTERM (Process.destroy would close the streams before they are read)
            reader.lines().forEach(out::add);
        } finally {
            if (!run.waitFor(300, TimeUnit.SECONDS)) {
                run.destroyForcibly();
            }
        }
        String stderr = Files.readString(work.resolve("stderr"));
        assertTrue(List.of(0, 143).contains(run.exitValue()), "exit " + run.exitValue() + "\n" + stderr);
        assertEquals(1, out.size(), "standard output is the ready line alone: " + out);
        assertTrue(Files.readString(work.resolve("ports")).lines().allMatch(line -> line.matches("[a-z0-9.:-]+=\\d+")),
                Files.readString(work.resolve("ports")));
        assertTrue(stderr.lines().allMatch(line -> line.startsWith("mailform")), stderr);
        assertTrue(stderr.lines().anyMatch(RECORDING::equals), stderr);
        assertEquals(1, files(Path.of(environment.get("XDG_CACHE_HOME")), jvm.equals("17") ? ".jsa" : ".aot"),
                "the first run recorded the class cache");
    }

    /**
     * A Java runtime without a class-data archive of its own cannot make one of mailform's classes: the launcher says
     * so once, naming the command that makes the JVM's archive, and mailform runs without; `test` runs as well.
     */
    @Test
    void aJavaRuntimeWithoutAnArchiveOfItsOwnIsToldOnceAndMailformRunsWithout() throws Exception {
        String java = Unpacked.java17WithoutArchive(scratch.resolve("jdk")).toString();
        Map<String, String> environment = dist.environment(java, Files.createDirectories(scratch.resolve("cache")));
        String refused = "mailform: no start-up archive for the compiler with this Java runtime: " + java + " has no "
                + "class-data archive of its own to build on (" + java + " -Xshare:dump, as the JDK's owner, makes "
                + "it); mailform runs without it";

        Result first = dist.mailform(work, environment, "validate", "--format", "json", "broken.yaml");
        assertEquals(1, first.exit(), first.toString());
        assertEquals(List.of(refused), first.err().lines().toList());
        JSON.readTree(first.out());
        Result second = dist.mailform(work, environment, "validate", "--format", "json", "broken.yaml");
        assertEquals(1, second.exit(), second.toString());
        assertEquals("", second.err(), "said once");
        assertEquals(first.out(), second.out());

        Result test = dist.mailform(work, environment, "test", dist.home.resolve("examples/internet-site.yaml").toString(),
                dist.home.resolve("examples/scenarios/internet-site.yaml").toString(), "--server", "james",
                "--format", "json");
        assertEquals(0, test.exit(), test.toString());
        assertTrue(JSON.readTree(test.out()).get("passed").asBoolean(), test.toString());
        assertEquals(List.of(refused.replace("start-up archive for the compiler", "class cache for the runtime")),
                test.err().lines().filter(line -> !line.startsWith("  james: ")).toList(), test.toString());
        assertEquals(0, files(scratch.resolve("cache"), ".jsa"));
    }

    private static long files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).count();
        }
    }
}
