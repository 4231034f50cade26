package io.mailform.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.output.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MainTest {
    private static final String VALID = """
            version: 1
            mode: internet-site
            hostname: mail.example.org
            mail_name: example.org
            root_recipient: alice
            """;
    private static final String WITH_WARNING = VALID + "networks: [127.0.0.0/8, 198.51.100.0/24]\n";
    private static final String INVALID = """
            version: 1
            mode: satelite
            hostname: mail.example.org
            mail_name: example.org
            """;

    @TempDir
    Path temp;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(temp.resolve(name), text);
    }

    private static Map<String, byte[]> tree(Path root) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }

    @Test
    void validFileExitsZeroQuietly() throws Exception {
        CliRun run = CliRun.of("validate", file("mail.yaml", VALID).toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals("", run.err());
    }

    @Test
    void errorsExitOneWithPositionCodeAndFix() throws Exception {
        Path path = file("mail.yaml", INVALID);
        CliRun run = CliRun.of("validate", path.toString());
        assertEquals(ExitCode.INVALID, run.exitCode());
        assertTrue(run.err().startsWith(path + ":2:7: error[schema-enum]: "), run.err());
        assertTrue(run.err().contains("satellite"), "the fix names the right mode: " + run.err());
        assertTrue(run.err().contains("2 | mode: satelite"), "the line is shown: " + run.err());
        assertTrue(run.err().endsWith("1 error, 0 warnings\n"), run.err());
    }

    @Test
    void warningsPassUnlessTurnedIntoErrors() throws Exception {
        String path = file("mail.yaml", WITH_WARNING).toString();
        CliRun lenient = CliRun.of("validate", path);
        assertEquals(ExitCode.OK, lenient.exitCode(), lenient.err());
        assertTrue(lenient.err().contains("warning[networks-public]"), lenient.err());
        assertEquals(ExitCode.INVALID, CliRun.of("validate", "--warnings-as-errors", path).exitCode());
    }

    @Test
    void jsonFormatGoesToStandardOutput() throws Exception {
        CliRun run = CliRun.of("validate", "--format", "json", file("mail.yaml", INVALID).toString());
        assertEquals(ExitCode.INVALID, run.exitCode());
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertEquals(1, json.get("errors").asInt());
        JsonNode first = json.get("diagnostics").get(0);
        assertEquals("schema-enum", first.get("code").stringValue());
        assertEquals(2, first.get("line").asInt());
        assertEquals(7, first.get("column").asInt());
        assertEquals("error", first.get("severity").stringValue());
    }

    @Test
    void githubFormatWritesWorkflowCommands() throws Exception {
        CliRun run = CliRun.of("validate", "--format", "github", file("mail.yaml", INVALID).toString());
        assertTrue(run.out().startsWith("::error file="), run.out());
        assertTrue(run.out().contains(",line=2,col=7,"), run.out());
    }

    @Test
    void sarifFormatNamesEveryRuleAndLocatesEachResult() throws Exception {
        CliRun run = CliRun.of("validate", "--format", "sarif", file("mail.yaml", WITH_WARNING).toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode sarif = JsonMapper.builder().build().readTree(run.out());
        assertEquals("2.1.0", sarif.get("version").stringValue());
        JsonNode runNode = sarif.get("runs").get(0);
        JsonNode rules = runNode.get("tool").get("driver").get("rules");
        assertEquals(io.mailform.diag.Code.values().length, rules.size());
        JsonNode result = runNode.get("results").get(0);
        assertEquals("networks-public", result.get("ruleId").stringValue());
        assertEquals("networks-public", rules.get(result.get("ruleIndex").asInt()).get("id").stringValue());
        assertEquals("warning", result.get("level").stringValue());
        JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
        assertEquals(6, region.get("startLine").asInt());
        assertEquals(25, region.get("startColumn").asInt());
    }

    @Test
    void readsStandardInput() {
        CliRun run = CliRun.withStdin(INVALID.getBytes(StandardCharsets.UTF_8), "validate", "-");
        assertEquals(ExitCode.INVALID, run.exitCode());
        assertTrue(run.err().startsWith("<stdin>:2:7: "), run.err());
    }

    @Test
    void validatesEveryFileAndReportsAllOfThem() throws Exception {
        CliRun run = CliRun.of("validate", file("a.yaml", INVALID).toString(), file("b.yaml", VALID).toString(),
                file("c.yaml", INVALID).toString());
        assertEquals(ExitCode.INVALID, run.exitCode());
        assertTrue(run.err().contains("a.yaml:2:7") && run.err().contains("c.yaml:2:7"), run.err());
        assertTrue(run.err().endsWith("2 errors, 0 warnings\n"), run.err());
    }

    @Test
    void unreadableFileExitsThree() {
        CliRun run = CliRun.of("validate", temp.resolve("missing.yaml").toString());
        assertEquals(ExitCode.IO, run.exitCode());
        assertTrue(run.err().contains("cannot read") && run.err().contains("no such file"), run.err());
        assertEquals(ExitCode.IO, CliRun.of("validate", temp.toString()).exitCode(), "a directory is not a file");
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(ExitCode.USAGE, CliRun.of().exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("validate").exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("frobnicate").exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("validate", "--format", "xml", "x.yaml").exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("compile", "x.yaml").exitCode(), "-o is required");
    }

    @Test
    void theInputSizeBoundIsAnOption() throws Exception {
        // The default takes a large site's alias table: far more than the 1 MiB that once was the bound.
        Path large = Files.writeString(temp.resolve("large.yaml"), io.mailform.bench.Descriptions.description(20_000));
        assertTrue(Files.size(large) > 1 << 20);
        CliRun accepted = CliRun.of("validate", large.toString());
        assertEquals(ExitCode.OK, accepted.exitCode(), accepted.err());
        for (String command : new String[] {"validate", "compile", "explain"}) {
            String[] args = switch (command) {
                case "compile" -> new String[] {command, "--max-input-size", "1M", large.toString(), "-o",
                    temp.resolve("out").toString()};
                case "explain" -> new String[] {command, "--max-input-size", "1M", large.toString(), "list1"};
                default -> new String[] {command, "--max-input-size", "1M", "--format", "json", large.toString()};
            };
            CliRun refused = CliRun.of(args);
            assertEquals(ExitCode.INVALID, refused.exitCode(), command + ": " + refused.err());
            assertTrue((refused.out() + refused.err()).contains("input-too-large"), refused.out() + refused.err());
            assertTrue((refused.out() + refused.err()).contains("1048576 bytes"), refused.out() + refused.err());
        }
        assertEquals(ExitCode.OK, CliRun.of("validate", "--max-input-size", "2MiB", large.toString()).exitCode());
        assertEquals(ExitCode.OK, CliRun.of("validate", "--max-input-size", "5000000", large.toString()).exitCode());
    }

    @Test
    void badInputSizesAreUsageErrors() {
        for (String bad : new String[] {"0", "-1", "lots", "12Q", "2G", "1.5M", ""}) {
            CliRun run = CliRun.of("validate", "--max-input-size", bad, "x.yaml");
            assertEquals(ExitCode.USAGE, run.exitCode(), bad);
            assertTrue(run.err().contains("Invalid value for option '--max-input-size'"), run.err());
        }
        assertTrue(CliRun.of("validate", "--max-input-size", "2G", "x.yaml").err().contains("at most 1GiB"));
        assertTrue(CliRun.of("validate", "--max-input-size", "lots", "x.yaml").err().contains("e.g. 64M"));
        assertTrue(CliRun.of("validate", "--help").out().contains("--max-input-size"));
    }

    @Test
    void versionAndHelpExitZero() {
        CliRun version = CliRun.of("--version");
        assertEquals(ExitCode.OK, version.exitCode());
        assertTrue(version.out().startsWith("mailform "), version.out());
        CliRun help = CliRun.of("compile", "--help");
        assertEquals(ExitCode.OK, help.exitCode());
        assertTrue(help.out().contains("--target"), help.out());
    }

    @Test
    void schemaCommandPrintsTheBundledSchema() throws Exception {
        CliRun run = CliRun.of("schema");
        assertEquals(ExitCode.OK, run.exitCode());
        JsonNode schema = JsonMapper.builder().build().readTree(run.out());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").stringValue());
        assertArrayEquals(Files.readAllBytes(Path.of("../schema/mailsystem.schema.json")),
                run.out().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void compileWritesTheTreeAndAManifestDeterministically() throws Exception {
        String source = file("mail.yaml", VALID).toString();
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        CliRun run = CliRun.of("compile", source, "-o", first.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals(ExitCode.OK, CliRun.of("compile", source, "-o", second.toString()).exitCode());
        Map<String, byte[]> files = tree(first);
        assertTrue(files.containsKey("postfix/main.cf"), files.keySet()::toString);
        assertTrue(files.containsKey("james/conf/mailetcontainer.xml"), files.keySet()::toString);
        assertTrue(files.containsKey(Manifest.FILE_NAME));
        Map<String, byte[]> again = tree(second);
        assertEquals(files.keySet(), again.keySet());
        files.forEach((path, bytes) -> assertArrayEquals(bytes, again.get(path), path));
    }

    @Test
    void compileWritesOnlyTheChosenTarget() throws Exception {
        String source = file("mail.yaml", VALID).toString();
        Path postfix = temp.resolve("postfix-only");
        assertEquals(ExitCode.OK, CliRun.of("compile", source, "-o", postfix.toString(), "--target", "postfix").exitCode());
        assertTrue(tree(postfix).keySet().stream().noneMatch(path -> path.startsWith("james/")));
        Path james = temp.resolve("james-only");
        assertEquals(ExitCode.OK, CliRun.of("compile", source, "-o", james.toString(), "--target", "james").exitCode());
        assertTrue(tree(james).keySet().stream().noneMatch(path -> path.startsWith("postfix/")));
        assertTrue(tree(james).containsKey("james/provisioning.json"));
    }

    @Test
    void compileWritesNothingWhenTheDescriptionHasErrors() throws Exception {
        String good = file("good.yaml", VALID).toString();
        Path out = temp.resolve("out");
        assertEquals(ExitCode.OK, CliRun.of("compile", good, "-o", out.toString()).exitCode());
        Map<String, byte[]> before = tree(out);
        CliRun run = CliRun.of("compile", file("bad.yaml", INVALID).toString(), "-o", out.toString());
        assertEquals(ExitCode.INVALID, run.exitCode());
        Map<String, byte[]> after = tree(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        Path fresh = temp.resolve("fresh");
        CliRun.of("compile", file("bad2.yaml", INVALID).toString(), "-o", fresh.toString());
        assertFalse(Files.exists(fresh));
    }

    @Test
    void compileRefusesADirectoryOfOtherFiles() throws Exception {
        Path home = Files.createDirectory(temp.resolve("home"));
        Files.writeString(home.resolve("notes.txt"), "keep me");
        CliRun run = CliRun.of("compile", file("mail.yaml", VALID).toString(), "-o", home.toString());
        assertEquals(ExitCode.IO, run.exitCode());
        assertEquals("keep me", Files.readString(home.resolve("notes.txt")));
        assertEquals(1, tree(home).size());
    }

    @Test
    void noFormatShowsASecretWrittenInTheDescription() throws Exception {
        Path description = file("mail.yaml", """
                version: 1
                mode: internet-smarthost
                hostname: mail.example.org
                mail_name: example.org
                relay:
                  host: smtp.example.net
                  port: 587
                  auth:
                    username: mailer
                    password: hunter2-TopSecret
                """);
        for (String format : new String[] {"text", "json", "github", "sarif"}) {
            CliRun run = CliRun.of("validate", "--format", format, description.toString());
            assertEquals(ExitCode.INVALID, run.exitCode(), format);
            assertTrue(run.out().contains("password") || run.err().contains("password"), format + ": " + run.out());
            assertFalse((run.out() + run.err()).contains("hunter2"), format + " shows the password: " + run.out()
                    + run.err());
        }
    }
}
