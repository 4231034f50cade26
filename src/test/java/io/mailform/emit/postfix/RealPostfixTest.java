package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.emit.OutputFile;
import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Relay;
import io.mailform.model.RelayAuth;
import io.mailform.model.Route;
import io.mailform.model.SecretSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Postfix itself judges the output of every example: postconf reads main.cf without a warning, postfix check
 * accepts the configuration, postalias and postmap build the aliases and every table without a warning and return
 * what the description says, and install.sh installs it all below a root directory.
 *
 * <p>For {@code postfix check} only, three parameters of a copy of main.cf point into the test's own directory,
 * since the check reads and repairs what they name:
 * <ul>
 * <li>{@code queue_directory}: the check creates and repairs the queue; it must not touch this host's
 * /var/spool/postfix;
 * <li>{@code data_directory}: likewise for /var/lib/postfix, which the check creates too;
 * <li>{@code myorigin}: main.cf says /etc/mailname, which Postfix opens at once and which this host need not have;
 * it points at the generated mailname file instead, so that file is read as the installed one would be.
 * </ul>
 * postalias and postmap run with {@code -c} on that same copy, for the same reason as myorigin.
 */
class RealPostfixTest {
    /** The main.cf Debian's package starts from; mode none's parameters are merged into it. */
    private static final Path DEBIAN_MAIN_CF = Path.of("/usr/share/postfix/main.cf.debian");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicNode> postfixAcceptsEveryExample() {
        PostfixTools tools = PostfixTools.locate();
        return Examples.all().stream().map(example -> {
            Examples.Compiled compiled = Examples.compile(example);
            Path base = work.resolve(Examples.name(example));
            return DynamicContainer.dynamicContainer(Examples.name(example), List.of(
                    DynamicTest.dynamicTest("postconf -n", () -> postconf(tools, compiled, base.resolve("etc"))),
                    DynamicTest.dynamicTest("postfix check", () -> check(tools, compiled, base)),
                    DynamicTest.dynamicTest("postalias", () -> postalias(tools, compiled, base)),
                    DynamicTest.dynamicTest("postmap", () -> postmap(tools, compiled, example, base)),
                    DynamicTest.dynamicTest("install.sh", () -> install(tools, compiled, base))));
        });
    }

    /** The tree as /etc/postfix would hold it, with Debian's master.cf. */
    private static Path configuration(Examples.Compiled compiled, Path directory) throws IOException {
        compiled.writeTo(directory);
        Files.copy(PostfixTools.debianMasterCf(), directory.resolve("master.cf"), StandardCopyOption.REPLACE_EXISTING);
        if (!Files.exists(directory.resolve("main.cf"))) {
            Files.writeString(directory.resolve("main.cf"), "");
        }
        PostfixTools.backdate(directory);
        return directory;
    }

    /** postconf prints every parameter of main.cf back, and nothing on stderr (where unknown names would go). */
    private static void postconf(PostfixTools tools, Examples.Compiled compiled, Path directory) throws IOException {
        configuration(compiled, directory);
        PostfixTools.Result result = tools.run(List.of(tools.postconf.toString(), "-c", directory.toString(), "-n"));
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.stderr(), result::toString);
        TreeSet<String> printed = new TreeSet<>(result.stdout().lines()
                .filter(line -> !line.startsWith("config_directory = ")).toList());
        TreeSet<String> written = new TreeSet<>(parameterLines(compiled));
        assertEquals(written, printed);
    }

    /** main.cf's parameter lines as postconf -n prints them: trailing blanks of empty values dropped. */
    private static List<String> parameterLines(Examples.Compiled compiled) {
        if (!compiled.tree().files().containsKey("main.cf")) {
            return List.of();
        }
        return compiled.text("main.cf").lines().filter(line -> !line.startsWith("#")).map(String::stripTrailing)
                .toList();
    }

    /**
     * A copy of the configuration for the tools that open what main.cf names; see the class comment. Mode none's
     * main.cf is a fragment that install.sh merges into the main.cf already installed, so here it is merged into
     * Debian's main.cf the same way.
     */
    private Path checkConfiguration(PostfixTools tools, Examples.Compiled compiled, Path base) throws IOException {
        Path directory = configuration(compiled, base.resolve("check"));
        List<String> command = new ArrayList<>(List.of(tools.postconf.toString(), "-c", directory.toString(), "-e"));
        if (compiled.system().mode() == Mode.NONE) {
            Files.copy(DEBIAN_MAIN_CF, directory.resolve("main.cf"), StandardCopyOption.REPLACE_EXISTING);
            command.addAll(parameterLines(compiled));
        }
        Path queue = Files.createDirectories(base.resolve("queue"));
        command.addAll(List.of("queue_directory = " + queue, "data_directory = " + base.resolve("data")));
        if (compiled.tree().files().containsKey("mailname")) {
            command.add("myorigin = " + directory.resolve("mailname"));
        }
        PostfixTools.Result result = tools.run(command);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.stderr(), result::toString);
        PostfixTools.backdate(directory);
        return directory;
    }

    private void check(PostfixTools tools, Examples.Compiled compiled, Path base) throws IOException {
        Path directory = checkConfiguration(tools, compiled, base);
        PostfixTools.Result result = tools.check(directory);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.stdout() + result.stderr(), "postfix check had something to say: " + result);
        assertTrue(Files.isDirectory(base.resolve("queue/incoming")), "postfix check ran on the test's queue");
    }

    private void postalias(PostfixTools tools, Examples.Compiled compiled, Path base) throws IOException {
        Path config = checkConfiguration(tools, compiled, base.resolve("postalias"));
        Path aliases = Files.createDirectories(base.resolve("postalias/tables")).resolve("aliases");
        Files.write(aliases, compiled.tree().files().get("aliases").content());
        String map = "hash:" + aliases;
        PostfixTools.Result built = tools.run(List.of(tools.postalias.toString(), "-c", config.toString(), map));
        assertEquals(0, built.exitCode(), built::toString);
        assertEquals("", built.stderr(), built::toString);
        Map<String, String> expected = expectedAliases(compiled.system());
        assertTrue(expected.containsKey("postmaster"), expected::toString);
        for (Map.Entry<String, String> alias : expected.entrySet()) {
            PostfixTools.Result query = tools.run(List.of(tools.postalias.toString(), "-c", config.toString(), "-q",
                    alias.getKey(), map));
            assertEquals(0, query.exitCode(), query::toString);
            assertEquals("", query.stderr(), query::toString);
            assertEquals(alias.getValue(), query.stdout().strip(), alias.getKey());
        }
    }

    /** What each alias should expand to, from the model: the targets as aliases(5) spells them. */
    private static Map<String, String> expectedAliases(MailSystem system) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (Alias alias : system.aliases()) {
            expected.put(alias.name(), join(alias.targets()));
        }
        if (!system.rootRecipient().isEmpty()) {
            expected.put("root", join(system.rootRecipient()));
        }
        return expected;
    }

    private static String join(List<AliasTarget> targets) {
        return targets.stream().map(AliasTarget::text).collect(Collectors.joining(", "));
    }

    private void postmap(PostfixTools tools, Examples.Compiled compiled, Path example, Path base) throws IOException {
        MailSystem system = compiled.system();
        Path config = checkConfiguration(tools, compiled, base.resolve("postmap"));
        Path tables = Files.createDirectories(base.resolve("postmap/tables"));
        for (Table table : Table.values()) {
            OutputFile file = compiled.tree().files().get(table.fileName());
            if (file != null) {
                Files.write(tables.resolve(table.fileName()), file.content());
                PostfixTools.Result built = tools.run(List.of(tools.postmap.toString(), "-c", config.toString(),
                        "hash:" + tables.resolve(table.fileName())));
                assertEquals(0, built.exitCode(), built::toString);
                assertEquals("", built.stderr(), built::toString);
            }
        }
        Lookup lookup = new Lookup(tools, config, tables);
        for (Route route : system.routes()) {
            assertEquals(Optional.of("smtp:" + route.relay().postfixNextHop()),
                    lookup.get(Table.TRANSPORT, route.domain().value()), route.domain().value());
            assertEquals(route.relay().tls().key(), lookup.tlsLevel(route.relay()), "TLS level for " + route);
        }
        system.relay().ifPresent(relay -> assertEquals(relay.tls().key(), lookup.tlsLevel(relay), "relay TLS"));
        List<Relay> relays = new ArrayList<>();
        system.relay().ifPresent(relays::add);
        system.routes().forEach(route -> relays.add(route.relay()));
        for (Relay relay : relays) {
            if (relay.auth().isPresent()) {
                RelayAuth auth = relay.auth().get();
                assertEquals(Optional.of(auth.username() + ":" + password(example, auth.password())),
                        lookup.get(Table.SASL_PASSWD, relay.postfixNextHop()), relay.postfixNextHop());
            }
        }
        if (system.routes().isEmpty() && relays.stream().noneMatch(relay -> relay.auth().isPresent())) {
            assertTrue(java.util.Arrays.stream(Table.values()).noneMatch(table -> compiled.tree().files().containsKey(table.fileName())),
                    "no table without routes or logins");
        }
    }

    /** The password as the example's file holds it, read here independently of the emitter. */
    private static String password(Path example, SecretSource source) throws IOException {
        String path = ((SecretSource.File) source).path();
        return Files.readAllLines(example.getParent().resolve(path), StandardCharsets.UTF_8).get(0);
    }

    /** Lookups in the built tables, and the TLS level Postfix applies to a next hop. */
    private record Lookup(PostfixTools tools, Path config, Path tables) {
        Optional<String> get(Table table, String key) {
            Path file = tables.resolve(table.fileName());
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            PostfixTools.Result result = tools.run(List.of(tools.postmap.toString(), "-c", config.toString(), "-q",
                    key, "hash:" + file));
            assertEquals("", result.stderr(), result::toString);
            assertTrue(result.exitCode() == 0 || result.exitCode() == 1, result::toString);
            return result.exitCode() == 0 ? Optional.of(result.stdout().strip()) : Optional.empty();
        }

        /** The policy table's level for the next hop, else main.cf's smtp_tls_security_level (empty: none). */
        String tlsLevel(Relay relay) {
            return get(Table.TLS_POLICY, relay.postfixNextHop()).orElseGet(() -> {
                PostfixTools.Result result = tools.run(List.of(tools.postconf.toString(), "-c", config.toString(),
                        "-h", "smtp_tls_security_level"));
                assertEquals("", result.stderr(), result::toString);
                String level = result.stdout().strip();
                return level.isEmpty() ? "none" : level;
            });
        }
    }

    /** install.sh below a root directory: every file in place with its mode, every table built. */
    private void install(PostfixTools tools, Examples.Compiled compiled, Path base) throws IOException {
        Path output = base.resolve("install/output");
        Path root = base.resolve("install/root");
        compiled.writeTo(output);
        Path etcPostfix = Files.createDirectories(root.resolve("etc/postfix"));
        boolean merge = compiled.system().mode() == Mode.NONE;
        if (merge) {
            // Mode none adds to the main.cf that is already there: start from Debian's own.
            Files.copy(DEBIAN_MAIN_CF, etcPostfix.resolve("main.cf"));
            Files.copy(PostfixTools.debianMasterCf(), etcPostfix.resolve("master.cf"));
            PostfixTools.backdate(etcPostfix);
        }
        // A MAIL_CONFIG that names nothing: every Postfix tool install.sh runs must read the configuration it
        // installs, never this host's.
        PostfixTools.Result result = tools.run(List.of("env", "MAIL_CONFIG=" + base.resolve("no-such-config"),
                "/bin/sh", output.resolve("install.sh").toString(), root.toString()));
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.stderr(), result::toString);
        for (Map.Entry<String, OutputFile> entry : compiled.tree().files().entrySet()) {
            String name = entry.getKey();
            if (name.equals("install.sh") || (merge && name.equals("main.cf"))) {
                continue;
            }
            Path installed = root.resolve(installedPath(name).substring(1));
            assertArrayEquals(entry.getValue().content(), Files.readAllBytes(installed), name);
            assertEquals(mode(entry.getValue().mode()), PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(installed)), name);
            if (!name.equals("main.cf") && !name.equals("mailname")) {
                Path database = Path.of(installed + ".db");
                assertTrue(Files.exists(database), database + " built");
                assertEquals(mode(entry.getValue().mode()), PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(database)), database.toString());
            }
        }
        if (merge) {
            PostfixTools.backdate(etcPostfix);
            for (String line : parameterLines(compiled)) {
                String name = line.substring(0, line.indexOf(" = "));
                PostfixTools.Result value = tools.run(List.of(tools.postconf.toString(), "-c", etcPostfix.toString(),
                        "-h", name));
                assertEquals(line.substring(line.indexOf(" = ") + 3), value.stdout().strip(), name);
            }
            String merged = Files.readString(etcPostfix.resolve("main.cf"));
            assertTrue(merged.contains("\nbiff = no\n"), "the existing main.cf is kept: " + merged);
        }
    }

    private static String installedPath(String name) {
        return switch (name) {
            case "main.cf" -> "/etc/postfix/main.cf";
            case "aliases" -> "/etc/aliases";
            case "mailname" -> "/etc/mailname";
            default -> "/etc/postfix/" + name;
        };
    }

    private static String mode(int mode) {
        return PosixFilePermissions.toString(Examples.permissions(mode));
    }
}
