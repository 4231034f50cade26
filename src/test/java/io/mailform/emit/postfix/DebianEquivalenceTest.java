package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mailform.model.Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * For the answers given to Debian's own installer, mailform writes the configuration Debian writes. The main.cf,
 * aliases and mailname that Debian 12's postfix package produced are captured by {@code src/test/debian/capture.sh}
 * into {@code src/test/resources/debian/<mode>/}, with the answers used, and into {@code <mode>-without-snakeoil/}
 * as written on a machine without the ssl-cert package's snakeoil pair. This test turns the same answers into a
 * description, compiles it, and requires {@code postconf -n} of both main.cf files to print the same lines (less
 * the {@code config_directory} line that {@code -c} adds), the same mailname, and the same aliases.
 */
class DebianEquivalenceTest {
    private static final Path CAPTURED = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("test/resources/debian");
    private static final String WITHOUT_SNAKEOIL = "-without-snakeoil";
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\](?::(\\d+))?");
    private static final Pattern BARE = Pattern.compile("([^:\\[\\]]+)(?::(\\d+))?");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> mailformWritesWhatDebiansInstallerWrites() throws IOException {
        PostfixTools tools = PostfixTools.locate();
        List<Path> captured;
        try (Stream<Path> modes = Files.list(CAPTURED)) {
            captured = modes.filter(Files::isDirectory).sorted().toList();
        }
        List<String> configuring = Arrays.stream(Mode.values()).filter(mode -> mode != Mode.NONE).map(Mode::key)
                .flatMap(mode -> Stream.of(mode, mode + WITHOUT_SNAKEOIL)).sorted().toList();
        assertEquals(configuring, captured.stream().map(path -> path.getFileName().toString()).toList(),
                "a capture for every configuring mode, with and without the snakeoil pair (run "
                        + "src/test/debian/capture.sh)");
        return captured.stream().map(directory -> DynamicTest.dynamicTest(directory.getFileName().toString(),
                () -> compare(tools, directory)));
    }

    private void compare(PostfixTools tools, Path debian) throws IOException {
        Map<String, String> answers = answers(debian.resolve("answers"));
        String yaml = description(answers);
        Examples.Compiled compiled = Examples.compile(answers.get("mode") + ".yaml",
                yaml.getBytes(StandardCharsets.UTF_8), work, Map.of());
        Path ours = work.resolve(debian.getFileName() + "/ours");
        Path theirs = work.resolve(debian.getFileName() + "/debian");
        compiled.writeTo(ours);
        Files.createDirectories(theirs);
        Files.copy(debian.resolve("main.cf"), theirs.resolve("main.cf"));
        for (Path directory : List.of(ours, theirs)) {
            Files.copy(PostfixTools.debianMasterCf(), directory.resolve("master.cf"), StandardCopyOption.REPLACE_EXISTING);
            PostfixTools.backdate(directory);
        }
        assertEquals(postconf(tools, theirs), postconf(tools, ours), "postconf -n for the description\n" + yaml);
        assertEquals(Files.readString(debian.resolve("mailname")), compiled.text("mailname"), "mailname");
        List<String> debianAliases = aliases(tools, debian.resolve("aliases"));
        assertTrue(debianAliases.contains("postmaster:\troot"), debianAliases::toString);
        assertEquals(debianAliases, aliases(tools, ours.resolve("aliases")), "aliases as postalias reads them");
    }

    /** postconf -n's lines without the config_directory line that -c adds; stderr must stay empty. */
    private static List<String> postconf(PostfixTools tools, Path directory) {
        PostfixTools.Result result = tools.run(List.of(tools.postconf.toString(), "-c", directory.toString(), "-n"));
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.stderr(), result::toString);
        return result.stdout().lines().filter(line -> !line.startsWith("config_directory = ")).toList();
    }

    private List<String> aliases(PostfixTools tools, Path file) throws IOException {
        return tools.aliasEntries(file, work);
    }

    private static Map<String, String> answers(Path file) {
        Map<String, String> answers = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.startsWith("#") && line.contains("=")) {
                    answers.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answers;
    }

    /** The description that says what the answers say, one key per debconf question. */
    static String description(Map<String, String> answers) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("version: 1\n");
        yaml.append("mode: ").append(answers.get("mode")).append('\n');
        yaml.append("hostname: ").append(quote(answers.get("hostname"))).append('\n');
        yaml.append("mail_name: ").append(quote(answers.get("mailname"))).append('\n');
        yaml.append("destinations: ").append(list(Arrays.stream(answers.get("destinations").split(","))
                .map(String::strip).filter(item -> !item.isEmpty()).toList())).append('\n');
        // Without the snakeoil pair Debian writes no TLS line: no server certificate, and a relay without TLS.
        boolean noTls = answers.get("snakeoil").equals("absent");
        String relayhost = answers.get("relayhost");
        if (!relayhost.isEmpty()) {
            yaml.append("relay:\n").append(relay(relayhost));
            if (noTls) {
                yaml.append("  tls: none\n");
            }
        }
        if (noTls) {
            yaml.append("tls:\n  server: none\n");
        }
        yaml.append("networks: ").append(list(Arrays.stream(answers.get("mynetworks").split("\\s+"))
                .filter(item -> !item.isEmpty())
                .map(network -> network.replace("[", "").replace("]", ""))
                .toList())).append('\n');
        yaml.append("mailbox_size_limit: ").append(answers.get("mailbox_limit")).append('\n');
        yaml.append("recipient_delimiter: ").append(quote(answers.get("recipient_delim"))).append('\n');
        yaml.append("protocols: ").append(answers.get("protocols")).append('\n');
        String root = answers.get("root_address");
        if (!root.isEmpty() && !root.equalsIgnoreCase("none")) {
            yaml.append("root_recipient: ").append(quote(root)).append('\n');
        }
        yaml.append("procmail: ").append(answers.get("procmail")).append('\n');
        yaml.append("synchronous_updates: ").append(answers.get("chattr")).append('\n');
        return yaml.toString();
    }

    /** relayhost as Debian takes it: {@code [host]:port} connects to the host, a bare name looks up its MX. */
    private static String relay(String relayhost) {
        Matcher bracketed = BRACKETED.matcher(relayhost);
        Matcher bare = BARE.matcher(relayhost);
        Matcher matched = bracketed.matches() ? bracketed : bare.matches() ? bare : null;
        if (matched == null) {
            return fail("a relayhost answer this test cannot express: " + relayhost);
        }
        StringBuilder relay = new StringBuilder("  host: ").append(quote(matched.group(1))).append('\n');
        if (matched.group(2) != null) {
            relay.append("  port: ").append(matched.group(2)).append('\n');
        }
        if (matched == bare) {
            relay.append("  mx_lookup: true\n");
        }
        return relay.toString();
    }

    private static String list(List<String> items) {
        return items.stream().map(DebianEquivalenceTest::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quote(String text) {
        assertTrue(text.chars().noneMatch(Character::isISOControl), text);
        return "'" + text.replace("'", "''") + "'";
    }
}
