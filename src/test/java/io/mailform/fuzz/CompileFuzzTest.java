package io.mailform.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mailform.emit.EmitContext;
import io.mailform.emit.OutputFile;
import io.mailform.emit.james.JamesEmitter;
import io.mailform.emit.postfix.PostfixEmitter;
import io.mailform.emit.postfix.PostfixTools;
import io.mailform.model.MailSystem;
import io.mailform.model.PostfixParameter;
import io.mailform.pipeline.Compilation;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import io.mailform.postfix.CaseFold;
import io.mailform.postfix.MainCfParameter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.json.JsonMapper;

/**
 * Valid descriptions in the schema's shapes, with values the fuzzer chooses, compiled for both targets. What compile
 * writes must be what Postfix and James accept, and mean no more than the description says: postconf -n reads main.cf
 * without a word, postalias and postmap build every table without one, every James file parses, no value adds a
 * line, a parameter or an entry to any file, install.sh stays valid shell, a password reaches no file but those of
 * mode 0600, and the same input gives the same bytes.
 */
class CompileFuzzTest {
    private static final Pipeline PIPELINE = new Pipeline();
    private static final Set<String> WRITTEN_BY_MAILFORM = Arrays.stream(MainCfParameter.values())
            .map(MainCfParameter::parameterName).collect(Collectors.toSet());
    private static final AtomicLong GENERATED = new AtomicLong();
    private static final AtomicLong JUDGED = new AtomicLong();
    private static PostfixTools tools;
    private static Path work;

    @BeforeAll
    static void locateTools() throws IOException {
        tools = PostfixTools.locate();
        work = Files.createTempDirectory("mailform-fuzz-");
    }

    @AfterAll
    static void removeWork() throws IOException {
        // How much of the fuzzing reached the emitters; a run that judged nothing has tested nothing.
        System.err.printf("CompileFuzzTest: %d descriptions generated, %d valid, compiled and judged%n",
                GENERATED.get(), JUDGED.get());
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @FuzzTest(maxDuration = "2m")
    void compiledFilesMeanWhatTheDescriptionSays(FuzzedDataProvider data) throws Exception {
        DescriptionShapes.Generated generated = DescriptionShapes.generate(data);
        GENERATED.incrementAndGet();
        byte[] yaml = generated.yaml().getBytes(StandardCharsets.UTF_8);
        Validation validation = PIPELINE.validate("fuzz.yaml", yaml);
        if (validation.hasErrors()) {
            return; // refused with diagnostics: the front-end target judges those
        }
        Compilation first = compile(validation, generated.environment());
        if (first.hasErrors()) {
            return;
        }
        Compilation second = compile(PIPELINE.validate("fuzz.yaml", yaml), generated.environment());
        assertEquals(first.tree().files().keySet(), second.tree().files().keySet());
        first.tree().files().forEach((path, file) -> assertArrayEquals(file.content(),
                second.tree().files().get(path).content(), path + " differs between two compiles"));

        JUDGED.incrementAndGet();
        secretsStayInPrivateFiles(first, generated.environment().get(DescriptionShapes.PASSWORD_VARIABLE));
        MailSystem system = validation.mailSystem().orElseThrow();
        Path directory = Files.createTempDirectory(work, "case");
        try {
            write(first, directory);
            Path postfix = directory.resolve("postfix");
            if (Files.exists(postfix.resolve("main.cf"))) {
                mainCfHoldsOnlyItsParameters(system, postfix.resolve("main.cf"));
                postconfReadsItWithoutAWord(postfix);
            }
            aliasesHoldOnlyTheirEntries(system, postfix);
            for (String table : List.of("transport", "sasl_passwd", "tls_policy")) {
                if (Files.exists(postfix.resolve(table))) {
                    tableBuildsWithOneEntryPerLine(postfix, table);
                }
            }
            installScriptIsValidShell(postfix.resolve("install.sh"));
            jamesFilesParse(first);
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Compilation compile(Validation validation, Map<String, String> environment) {
        EmitContext context = new EmitContext("fuzz.yaml", work, environment, validation.sourceMap());
        return PIPELINE.compile(validation, List.of(new PostfixEmitter(), new JamesEmitter()), context);
    }

    /** A password reaches only files of mode 0600, and no diagnostic. */
    private static void secretsStayInPrivateFiles(Compilation compilation, String password) {
        compilation.tree().files().forEach((path, file) -> {
            if (file.mode() != 0600) {
                assertFalse(new String(file.content(), StandardCharsets.UTF_8).contains(password),
                        "the password is in " + path + ", mode " + Integer.toOctalString(file.mode()));
            }
        });
        compilation.diagnostics().forEach(diagnostic -> assertFalse(diagnostic.toString().contains(password),
                "a diagnostic shows the password: " + diagnostic));
    }

    private static void write(Compilation compilation, Path directory) throws IOException {
        for (Map.Entry<String, OutputFile> entry : compilation.tree().files().entrySet()) {
            Path target = directory.resolve(entry.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, entry.getValue().content());
        }
    }

    /** Every line is a comment, blank, or one parameter mailform writes or the description passes through. */
    private static void mainCfHoldsOnlyItsParameters(MailSystem system, Path mainCf) throws IOException {
        Set<String> allowed = new HashSet<>(WRITTEN_BY_MAILFORM);
        system.postfixParameters().stream().map(PostfixParameter::name).forEach(allowed::add);
        Set<String> seen = new HashSet<>();
        for (String line : Files.readAllLines(mainCf, StandardCharsets.UTF_8)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            assertTrue(line.matches("[A-Za-z0-9_]+ = .*"), "not one parameter: " + line);
            String name = line.substring(0, line.indexOf(' '));
            assertTrue(allowed.contains(name), "a parameter nobody asked for: " + line);
            assertTrue(seen.add(name), "written twice: " + name);
        }
    }

    private static void postconfReadsItWithoutAWord(Path postfix) throws IOException {
        Files.copy(PostfixTools.debianMasterCf(), postfix.resolve("master.cf"));
        PostfixTools.backdate(postfix);
        PostfixTools.Result result = tools.run(List.of(tools.postconf.toString(), "-c", postfix.toString(), "-n"));
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.stderr(), result::toString);
    }

    /** postalias builds the aliases file; its keys are the description's aliases, postmaster and root, no more. */
    private static void aliasesHoldOnlyTheirEntries(MailSystem system, Path postfix) {
        Path config = neutralConfig();
        String map = "hash:" + postfix.resolve("aliases");
        PostfixTools.Result built = tools.run(List.of(tools.postalias.toString(), "-c", config.toString(), map));
        assertEquals(0, built.exitCode(), built::toString);
        assertEquals("", built.stderr(), built::toString);
        PostfixTools.Result dump = tools.run(List.of(tools.postalias.toString(), "-c", config.toString(), "-s", map));
        Set<String> keys = dump.stdout().lines().map(line -> line.substring(0, line.indexOf(':')))
                .filter(key -> !key.equals("@") && !key.startsWith("YP_")).collect(Collectors.toSet());
        Set<String> expected = new HashSet<>();
        system.aliases().forEach(alias -> expected.add(CaseFold.of(alias.name())));
        if (!system.rootRecipient().isEmpty()) {
            expected.add("root");
        }
        assertEquals(expected, keys, "the aliases postalias reads");
    }

    /** postmap builds the table, and reads as many entries as the file has lines that are not comments. */
    private static void tableBuildsWithOneEntryPerLine(Path postfix, String table) throws IOException {
        Path config = neutralConfig();
        String map = "hash:" + postfix.resolve(table);
        PostfixTools.Result built = tools.run(List.of(tools.postmap.toString(), "-c", config.toString(), map));
        assertEquals(0, built.exitCode(), built::toString);
        assertEquals("", built.stderr(), built::toString);
        PostfixTools.Result dump = tools.run(List.of(tools.postmap.toString(), "-c", config.toString(), "-s", map));
        long lines = Files.readAllLines(postfix.resolve(table), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).count();
        assertEquals(lines, dump.stdout().lines().count(), table + " as postmap reads it:\n" + dump.stdout());
    }

    private static void installScriptIsValidShell(Path script) {
        PostfixTools.Result result = tools.run(List.of("sh", "-n", script.toString()));
        assertEquals(0, result.exitCode(), result::toString);
    }

    private static void jamesFilesParse(Compilation compilation) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (Map.Entry<String, OutputFile> entry : compilation.tree().files().entrySet()) {
            if (entry.getKey().endsWith(".xml")) {
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(entry.getValue().content()));
            } else if (entry.getKey().endsWith(".json")) {
                JsonMapper.builder().build().readTree(entry.getValue().content());
            }
        }
    }

    /** A configuration without myorigin = /etc/mailname, which the table tools would open on this host. */
    private static Path neutralConfig() {
        Path config = work.resolve("neutral");
        try {
            if (!Files.exists(config.resolve("main.cf"))) {
                Files.createDirectories(config);
                Files.writeString(config.resolve("main.cf"), "compatibility_level = 3.6\n");
                Files.copy(PostfixTools.debianMasterCf(), config.resolve("master.cf"));
                PostfixTools.backdate(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }
}
