package io.mailform.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.cli.Main;
import io.mailform.emit.postfix.PostfixTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every configuration import reads compiles back to itself, as the real Postfix tools read both: for each
 * configuration Debian's installer wrote ({@code src/test/resources/debian/<mode>/}) and each hand-edited one
 * ({@code src/test/resources/import/<case>/}, with {@code postfix/} as its configuration directory), import writes a
 * description, validate accepts it, compile turns it into Postfix files, and {@code postconf -n} of the original
 * and of the compiled main.cf print the same parameters (values compared as Postfix's list parser splits them),
 * postalias reads the same aliases, and the mailname and the tables' entries are the same. A parameter import
 * reports is left out of the comparison, and the diagnostics import prints must be exactly those the case's
 * {@code expected} file lists ({@code code file:line}). A parameter import replaced by its value
 * ({@code import-expanded}) is compared expanded, with {@code postconf -x}.
 */
class ImportRoundTripTest {
    private static final Path RESOURCES = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("test/resources");
    private static final Pattern DIAGNOSTIC = Pattern.compile(
            "^(\\S+):(\\d+):\\d+: (error|warning)\\[([a-z0-9-]+)\\]", Pattern.MULTILINE);
    /** What import says of a parameter compile writes that the host's main.cf does not set. */
    private static final Pattern ABSENT = Pattern.compile("main.cf does not set ([A-Za-z0-9_]+),");
    /** The codes that say a setting did not come over; the others leave the comparison alone. */
    private static final Set<String> NOT_CARRIED_OVER = Set.of("import-refused", "import-not-representable",
            "import-syntax");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> importedConfigurationsCompileBackToThemselves() throws IOException {
        PostfixTools tools = PostfixTools.locate();
        List<Path> cases = new ArrayList<>();
        for (String group : List.of("debian", "debian-edits", "import")) {
            try (Stream<Path> list = Files.list(RESOURCES.resolve(group))) {
                list.filter(Files::isDirectory).sorted().forEach(cases::add);
            }
        }
        assertTrue(cases.size() >= 8, "the captured and hand-edited configurations: " + cases);
        return cases.stream().map(directory -> DynamicTest.dynamicTest(
                directory.getParent().getFileName() + "/" + directory.getFileName(),
                () -> roundTrip(tools, directory)));
    }

    private void roundTrip(PostfixTools tools, Path host) throws IOException {
        Path configDirectory = Files.isDirectory(host.resolve("postfix")) ? host.resolve("postfix") : host;
        Path name = work.resolve(host.getFileName().toString());
        Path description = Files.createDirectories(name).resolve("description.yaml");
        Run imported = run("import", "--config-dir", configDirectory.toString(), "--aliases",
                host.resolve("aliases").toString(), "--mailname", host.resolve("mailname").toString(),
                "-o", description.toString());
        List<String> expected = expected(host);
        List<String> reported = new ArrayList<>();
        Set<Integer> reportedLines = new TreeSet<>();
        Set<Integer> expandedLines = new TreeSet<>();
        Matcher matcher = DIAGNOSTIC.matcher(imported.err());
        boolean errors = false;
        Set<String> absentReported = new TreeSet<>();
        while (matcher.find()) {
            String file = Path.of(matcher.group(1)).getFileName().toString();
            String code = matcher.group(4);
            reported.add(code + " " + file + ":" + matcher.group(2));
            errors |= matcher.group(3).equals("error");
            if (file.equals("main.cf") && code.equals("import-expanded")) {
                expandedLines.add(Integer.parseInt(matcher.group(2)));
            } else if (file.equals("main.cf") && NOT_CARRIED_OVER.contains(code)) {
                reportedLines.add(Integer.parseInt(matcher.group(2)));
                Matcher absent = ABSENT.matcher(imported.err().substring(matcher.end()).lines().findFirst()
                        .orElse(""));
                if (absent.find()) {
                    absentReported.add(absent.group(1));
                }
            }
        }
        assertEquals(expected, reported.stream().sorted().toList(), imported::toString);
        assertEquals(errors ? 1 : 0, imported.exitCode(), imported::toString);
        String yaml = Files.readString(description);
        assertTrue(yaml.startsWith("# yaml-language-server: $schema="), yaml);
        assertTrue(!yaml.contains("secret-password"), "a password was copied:\n" + yaml);

        // What the user does before compiling: put each password the import named into its file.
        Matcher passwordFile = Pattern.compile("password_file: (\\S+)").matcher(yaml);
        while (passwordFile.find()) {
            Files.writeString(description.resolveSibling(passwordFile.group(1)), "secret-password\n");
        }
        Run validated = run("validate", description.toString());
        assertEquals(0, validated.exitCode(), validated + "\n" + yaml);
        Path compiled = name.resolve("compiled");
        Run compiledRun = run("compile", description.toString(), "-o", compiled.toString(), "--target", "postfix");
        assertEquals(0, compiledRun.exitCode(), compiledRun + "\n" + yaml);
        Path ours = compiled.resolve("postfix");

        Path theirs = Files.createDirectories(name.resolve("original"));
        Set<String> skipped = parameters(configDirectory.resolve("main.cf"), reportedLines);
        skipped.addAll(absentReported);
        Set<String> expanded = parameters(configDirectory.resolve("main.cf"), expandedLines);
        if (Files.exists(configDirectory.resolve("main.cf"))) {
            Files.copy(configDirectory.resolve("main.cf"), theirs.resolve("main.cf"));
            for (Path directory : List.of(ours, theirs)) {
                Files.copy(PostfixTools.debianMasterCf(), directory.resolve("master.cf"),
                        StandardCopyOption.REPLACE_EXISTING);
                PostfixTools.backdate(directory);
            }
            Map<String, List<String>> original = postconf(tools, theirs, false);
            Map<String, List<String>> result = postconf(tools, ours, true);
            for (String parameter : new TreeSet<>(union(original.keySet(), result.keySet()))) {
                if (skipped.contains(parameter) || expanded.contains(parameter)) {
                    continue;
                }
                assertEquals(original.get(parameter), result.get(parameter), parameter + " in postconf -n\n" + yaml);
            }
            for (String parameter : expanded) {
                assertEquals(expandedValue(tools, theirs, parameter), expandedValue(tools, ours, parameter),
                        parameter + " expanded\n" + yaml);
            }
            for (String table : List.of("transport", "tls_policy", "sasl_passwd")) {
                if (Files.exists(configDirectory.resolve(table)) && reported.stream().noneMatch(r -> r.contains(table))) {
                    assertEquals(tableEntries(tools, configDirectory.resolve(table)),
                            tableEntries(tools, ours.resolve(table)), table + "\n" + yaml);
                }
            }
        }
        if (Files.exists(host.resolve("aliases"))) {
            assertEquals(aliases(tools, host.resolve("aliases")), aliases(tools, ours.resolve("aliases")),
                    "aliases as postalias reads them\n" + yaml);
        }
        Path mailname = host.resolve("mailname");
        if (!Files.exists(mailname)) {
            assertTrue(Files.notExists(ours.resolve("mailname")), "a mailname the host does not have");
        } else if (reported.stream().noneMatch(diagnostic -> diagnostic.contains(" mailname:"))) {
            assertEquals(Files.readString(mailname), Files.readString(ours.resolve("mailname")), "mailname");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    /** The names of the main.cf parameters that start on the given lines. */
    private static Set<String> parameters(Path mainCf, Set<Integer> lines) throws IOException {
        Set<String> names = new TreeSet<>();
        if (!Files.exists(mainCf)) {
            return names;
        }
        List<String> text = Files.readAllLines(mainCf);
        for (int line : lines) {
            Matcher name = Pattern.compile("^([A-Za-z0-9_]+)\\s*=").matcher(text.get(line - 1));
            if (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static List<String> expected(Path host) throws IOException {
        Path file = host.resolve("expected");
        List<String> expected = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    expected.add(line.strip());
                }
            }
        }
        return expected.stream().sorted().toList();
    }

    /** postconf -n as parameter → tokens, without the config_directory line that -c adds. */
    private static Map<String, List<String>> postconf(PostfixTools tools, Path directory, boolean quiet) {
        PostfixTools.Result result = tools.run(List.of(tools.postconf.toString(), "-c", directory.toString(), "-n"));
        assertEquals(0, result.exitCode(), result::toString);
        if (quiet) {
            assertEquals("", result.stderr(), result::toString);
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String line : result.stdout().lines().toList()) {
            int equals = line.indexOf(" = ");
            String parameter = equals < 0 ? line.substring(0, line.indexOf(" =")) : line.substring(0, equals);
            if (!parameter.equals("config_directory")) {
                parameters.put(parameter, Tokens.of(equals < 0 ? "" : line.substring(equals + 3)));
            }
        }
        return parameters;
    }

    private static List<String> expandedValue(PostfixTools tools, Path directory, String parameter) {
        PostfixTools.Result result = tools.run(List.of(tools.postconf.toString(), "-c", directory.toString(), "-x",
                "-h", parameter));
        assertEquals(0, result.exitCode(), result::toString);
        return Tokens.of(result.stdout());
    }

    /** A table's entries as postmap reads them (key, value tokens); passwords are compared as they are stood in. */
    private List<String> tableEntries(PostfixTools tools, Path source) throws IOException {
        PostfixTools.Result dump = tools.run(List.of(tools.postmap.toString(), "-s", "texthash:" + source));
        assertEquals(0, dump.exitCode(), dump::toString);
        boolean logins = source.getFileName().toString().equals("sasl_passwd");
        return dump.stdout().lines().map(line -> logins ? line.replaceAll(":[^:\\s]+$", ":password") : line)
                .map(line -> String.join(" ", Tokens.of(line))).sorted().toList();
    }

    /** Every key and value of an aliases file as postalias builds it, values as token sequences. */
    private List<String> aliases(PostfixTools tools, Path file) throws IOException {
        return tools.aliasEntries(file, work).stream().map(line -> String.join(" ", Tokens.of(line))).sorted()
                .toList();
    }

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + out + "stderr:\n" + err;
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
