package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install.sh into a scratch root that already holds a configuration, with a compiled description that Postfix
 * refuses: the refusal comes from Postfix itself, after the files are in place, and afterwards every file is as
 * before, byte for byte, mode for mode, owner and times included, and nothing new is left below the root or in
 * TMPDIR. Both descriptions validate and compile without a diagnostic; only Postfix knows better.
 */
class InstallRollbackTest {
    private static final String PASSWORD = "s3cret-relay-password";
    private static final String DESCRIPTION = """
            version: 1
            mode: internet-smarthost
            hostname: mx.example.org
            mail_name: example.org
            relay:
              host: smtp.example.net
              port: 587
              tls: encrypt
              auth:
                username: example-org
                password_env: MAILFORM_TEST_RELAY_PASSWORD
            routes:
              lists.example.org:
                host: lists.internal.example.org
                tls: encrypt
            root_recipient: alice
            users:
              - name: alice
            postfix:
            """;

    @TempDir
    Path base;

    /** postmap (the first tool to read the new main.cf) refuses a number it cannot read, for any parameter. */
    @Test
    void restoresEverythingWhenPostmapRefusesTheConfiguration() throws IOException {
        refused("  default_process_limit: lots\n", "postmap: fatal: bad numerical configuration: "
                + "default_process_limit = lots");
    }

    /** postmap and postalias accept a daemon directory that does not exist; postfix check does not. */
    @Test
    void restoresEverythingWhenPostfixCheckRefusesTheConfiguration() throws IOException {
        refused("  daemon_directory: /nonexistent\n", "postfix: fatal: chdir(/nonexistent): No such file or directory");
    }

    @Test
    void dryRunShowsTheChangesWithoutThePasswordAndChangesNothing() throws IOException {
        PostfixTools tools = PostfixTools.locate();
        Path root = existingConfiguration(tools);
        Path output = compile("  smtpd_helo_required: \"yes\"\n");
        Map<String, String> before = snapshot(root);
        PostfixTools.Result result = install(tools, output, "--dry-run", root);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(before, snapshot(root), "a dry run changes nothing");
        String out = result.stdout();
        assertTrue(out.contains("new: " + root + "/etc/postfix/transport (mode 0644)"), out);
        assertTrue(out.contains("changed: " + root + "/etc/postfix/sasl_passwd (it holds passwords: the content "
                + "is not shown)"), out);
        assertTrue(out.contains("\n-relayhost = \n") && out.contains("\n+relayhost = [smtp.example.net]:587\n"), out);
        assertTrue(out.contains("+root:\talice\n"), out);
        assertTrue(out.contains("install.sh: dry run: 5 changes below " + root + "; nothing was changed"), out);
        assertFalse(out.contains(PASSWORD) || out.contains("oldpass"), "no password is shown: " + out);
        assertEquals(List.of(), listing(base.resolve("tmp")), "nothing left in TMPDIR");
    }

    /** The same root takes the same description without the refused value: install.sh works there. */
    @Test
    void installsWhatPostfixAccepts() throws IOException {
        PostfixTools tools = PostfixTools.locate();
        Path root = existingConfiguration(tools);
        Path output = compile("  smtpd_helo_required: \"yes\"\n");
        PostfixTools.Result result = install(tools, output, root);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.stderr(), result::toString);
        assertTrue(result.stdout().contains("installed below " + root + " and checked with postfix check"),
                result::toString);
        assertEquals(Files.readString(output.resolve("main.cf")),
                Files.readString(root.resolve("etc/postfix/main.cf")));
        assertTrue(Files.exists(root.resolve("etc/postfix/transport.db")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                root.resolve("etc/postfix/sasl_passwd.db"))));
        assertEquals(List.of(), listing(base.resolve("tmp")), "nothing left in TMPDIR");
    }

    private void refused(String parameter, String refusal) throws IOException {
        PostfixTools tools = PostfixTools.locate();
        Path root = existingConfiguration(tools);
        Path output = compile(parameter);
        Map<String, String> before = snapshot(root);
        PostfixTools.Result result = install(tools, output, root);
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains(refusal), "Postfix itself refused it: " + result);
        assertTrue(result.stderr().contains("install.sh: nothing was changed below " + root), result::toString);
        assertEquals(before, snapshot(root), "every file as before, and nothing new");
        assertEquals(List.of(), listing(base.resolve("tmp")), "nothing left in TMPDIR");
    }

    private Path compile(String parameters) throws IOException {
        Path output = base.resolve("output");
        Examples.Compiled compiled = Examples.compile("refused.yaml",
                (DESCRIPTION + parameters).getBytes(StandardCharsets.UTF_8), base,
                Map.of("MAILFORM_TEST_RELAY_PASSWORD", PASSWORD));
        compiled.writeTo(output);
        return output;
    }

    private PostfixTools.Result install(PostfixTools tools, Path output, Object... arguments) throws IOException {
        Path tmp = Files.createDirectories(base.resolve("tmp"));
        List<String> command = new java.util.ArrayList<>(List.of("env", "TMPDIR=" + tmp,
                "MAIL_CONFIG=" + base.resolve("no-such-config"), "/bin/sh", output.resolve("install.sh").toString()));
        for (Object argument : arguments) {
            command.add(argument.toString());
        }
        return tools.run(command);
    }

    /**
     * A root as a host has it: Debian's main.cf and master.cf, an aliases file with a mode of its own and its
     * database, a mailname, and an older relay password table and its database. No transport table: installing
     * creates one, which a rollback must remove.
     */
    private Path existingConfiguration(PostfixTools tools) throws IOException {
        Path root = base.resolve("root");
        Path etcPostfix = Files.createDirectories(root.resolve("etc/postfix"));
        Files.copy(Path.of("/usr/share/postfix/main.cf.debian"), etcPostfix.resolve("main.cf"));
        Files.writeString(etcPostfix.resolve("main.cf"), "relayhost = \n", java.nio.file.StandardOpenOption.APPEND);
        Files.copy(PostfixTools.debianMasterCf(), etcPostfix.resolve("master.cf"));
        PostfixTools.backdate(etcPostfix);
        Path sasl = etcPostfix.resolve("sasl_passwd");
        Files.writeString(sasl, "[old.example.net]:587 olduser:oldpass\n");
        Files.setPosixFilePermissions(sasl, PosixFilePermissions.fromString("rw-------"));
        Path aliases = root.resolve("etc/aliases");
        Files.writeString(aliases, "# See man 5 aliases for format\npostmaster:    root\nroot: bob\n");
        Files.setPosixFilePermissions(aliases, PosixFilePermissions.fromString("rw-r-----"));
        Files.writeString(root.resolve("etc/mailname"), "old.example.org\n");
        built(tools.run(List.of(tools.postmap.toString(), "-c", etcPostfix.toString(), "hash:" + sasl)));
        Files.setPosixFilePermissions(Path.of(sasl + ".db"), PosixFilePermissions.fromString("rw-------"));
        built(tools.run(List.of(tools.postalias.toString(), "-c", etcPostfix.toString(), "hash:" + aliases)));
        return root;
    }

    private static void built(PostfixTools.Result result) {
        assertEquals(0, result.exitCode(), result::toString);
    }

    /** Every path below {@code root}: type, mode and owner; for a file also its times and a digest of its bytes. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> snapshot = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path,
                        LinkOption.NOFOLLOW_LINKS));
                String owner = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                        + Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                String entry = Files.isDirectory(path) ? "directory " + mode + " " + owner
                        : "file " + mode + " " + owner + " " + Files.getLastModifiedTime(path) + " "
                                + sha256(Files.readAllBytes(path));
                snapshot.put(root.relativize(path).toString(), entry);
            }
        }
        return snapshot;
    }

    private static List<Path> listing(Path directory) throws IOException {
        try (Stream<Path> paths = Files.list(directory)) {
            return paths.toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
