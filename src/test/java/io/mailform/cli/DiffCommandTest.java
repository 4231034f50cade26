package io.mailform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailform diff} against a scratch root that install.sh filled from the same description: no drift right
 * after installing, and each kind of edit to an installed file reported at the YAML key that writes it. The real
 * postconf reads both main.cf files; install.sh's own postmap and postalias build the tables.
 */
class DiffCommandTest {
    private static final String FULL = "../examples/full.yaml";
    private static final String NONE = "../examples/none.yaml";

    @TempDir
    Path temp;

    @Test
    void anInstalledDescriptionHasNoDrift() throws Exception {
        Path root = installed(FULL);
        CliRun run = CliRun.of("diff", FULL, "--against", root.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("mailform: no drift: " + root + " has what " + FULL + " describes\n", run.err());
    }

    @Test
    void theCompiledDirectoryItselfHasNoDrift() throws Exception {
        Path output = temp.resolve("out");
        assertEquals(0, CliRun.of("compile", FULL, "-o", output.toString()).exitCode());
        CliRun run = CliRun.of("diff", FULL, "--against", output.toString());
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void anEditedRelayhostIsChargedToRelay() throws Exception {
        Path root = installed(FULL);
        Path mainCf = root.resolve("etc/postfix/main.cf");
        Files.writeString(mainCf, Files.readString(mainCf).replace("relayhost = [smtp.example.net]:587",
                "relayhost = [old.example.net]:25"));
        CliRun run = CliRun.of("diff", FULL, "--against", root.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith(FULL + ":15:3: error[drift-parameter]: relay: " + mainCf
                + " sets relayhost = [old.example.net]:25; the description sets relayhost = [smtp.example.net]:587\n"),
                run.err());
        assertTrue(run.err().endsWith("mailform: 1 difference between " + root + " and " + FULL + "\n"), run.err());
    }

    @Test
    void everyKindOfEditNamesItsKey() throws Exception {
        Path root = installed(FULL);
        Path etc = root.resolve("etc");
        append(etc.resolve("postfix/main.cf"), "smtpd_delay_reject = no\n");
        Path aliases = etc.resolve("aliases");
        Files.writeString(aliases, Files.readString(aliases).replace("sales: carol, orders@example.com",
                "sales: carol") + "old: bob\n");
        Files.setLastModifiedTime(aliases, FileTime.from(Instant.now().plusSeconds(5)));
        Files.setPosixFilePermissions(etc.resolve("postfix/sasl_passwd"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(etc.resolve("mailname"), "other.example\n");
        Files.delete(etc.resolve("postfix/transport.db"));
        CliRun run = CliRun.of("diff", FULL, "--against", root.toString(), "--format", "github");
        assertEquals(1, run.exitCode(), run::toString);
        List<String> titles = run.out().lines().map(line -> line.replaceAll(".*,title=([a-z-]+)::([^:]+):.*",
                "$1 $2")).toList();
        assertEquals(List.of("drift-mailname mail_name", "drift-file relay.auth", "drift-database routes",
                "drift-alias aliases.old", "drift-database aliases", "drift-alias aliases.sales",
                "drift-parameter postfix.smtpd_delay_reject"), titles, run.out());
        assertTrue(run.out().contains("::error file=" + FULL + ",line=73,col=3,"), run.out());
        assertFalse(run.out().contains(relayPassword()), "no password is shown: " + run.out());
    }

    @Test
    void changedCredentialsAreReportedWithoutThem() throws Exception {
        Path root = installed(FULL);
        Path sasl = root.resolve("etc/postfix/sasl_passwd");
        Files.writeString(sasl, Files.readString(sasl).replaceAll("example-org:\\S+", "example-org:guessme"));
        CliRun run = CliRun.of("diff", FULL, "--against", root.toString(), "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("\"code\" : \"drift-table-entry\""), run.out());
        assertTrue(run.out().contains("relay.auth: " + sasl + " has other credentials for [smtp.example.net]:587 "
                + "than the description (not shown)"), run.out());
        assertFalse(run.out().contains(relayPassword()) || run.out().contains("guessme"), run.out());
    }

    @Test
    void aPasswordTableOfAnotherOwnerIsDrift() throws Exception {
        Path root = installed(FULL);
        Path sasl = root.resolve("etc/postfix/sasl_passwd");
        Files.setAttribute(sasl, "unix:uid", 65534);
        CliRun run = CliRun.of("diff", FULL, "--against", root.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("error[drift-file]: relay.auth: " + sasl + " holds relay passwords and belongs "
                + "to uid 65534; it must belong to root"), run.err());
    }

    @Test
    void aMainCfPostfixCannotReadIsDrift() throws Exception {
        Path root = installed(FULL);
        append(root.resolve("etc/postfix/main.cf"), "this line has no equals sign\n");
        CliRun run = CliRun.of("diff", FULL, "--against", root.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("error[drift-parameter]: postconf cannot read " + root.resolve("etc/postfix/main.cf")
                + ": postconf: fatal: main.cf, line 34: missing '=' after attribute name: \"this line has no equals "
                + "sign\""), run.err());
    }

    /** Mode none keeps main.cf by hand: only the parameters the description lists are compared. */
    @Test
    void modeNoneComparesOnlyTheListedParameters() throws Exception {
        Path root = temp.resolve("root");
        Path etcPostfix = Files.createDirectories(root.resolve("etc/postfix"));
        Files.copy(Path.of("/usr/share/postfix/main.cf.debian"), etcPostfix.resolve("main.cf"));
        append(etcPostfix.resolve("main.cf"), "myhostname = by-hand.example.org\n");
        install(NONE, root);
        CliRun clean = CliRun.of("diff", NONE, "--against", root.toString());
        assertEquals(0, clean.exitCode(), clean::toString);
        Path mainCf = etcPostfix.resolve("main.cf");
        Files.writeString(mainCf, Files.readString(mainCf).replace("smtpd_helo_required = yes",
                "smtpd_helo_required = no"));
        CliRun run = CliRun.of("diff", NONE, "--against", root.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("error[drift-parameter]: postfix.smtpd_helo_required: " + mainCf
                + " sets smtpd_helo_required = no; the description sets smtpd_helo_required = yes"), run.err());
    }

    @Test
    void aMissingTargetIsUnreadable() {
        CliRun run = CliRun.of("diff", FULL, "--against", temp.resolve("nothing").toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("mailform: cannot compare with " + temp.resolve("nothing")), run.err());
    }

    @Test
    void aDirectoryWithoutConfigurationIsUnreadable() {
        CliRun run = CliRun.of("diff", FULL, "--against", temp.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("is neither a ROOT"), run.err());
    }

    @Test
    void anInvalidDescriptionIsReportedAsValidateReportsIt() throws Exception {
        Path bad = Files.writeString(temp.resolve("bad.yaml"), "version: 1\nmode: satelite\n");
        CliRun run = CliRun.of("diff", bad.toString(), "--against", temp.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("error[schema-enum]"), run.err());
    }

    @Test
    void aDescriptionIsRequired() {
        assertEquals(2, CliRun.of("diff").exitCode());
    }

    private Path installed(String description) throws Exception {
        Path root = temp.resolve("root");
        install(description, root);
        return root;
    }

    private void install(String description, Path root) throws Exception {
        Path output = temp.resolve("out-" + Path.of(description).getFileName());
        CliRun compiled = CliRun.of("compile", description, "-o", output.toString(), "--target", "postfix");
        assertEquals(0, compiled.exitCode(), compiled::toString);
        Process process = new ProcessBuilder("env", "MAIL_CONFIG=" + temp.resolve("no-such-config"), "/bin/sh",
                output.resolve("postfix/install.sh").toString(), root.toString())
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), log);
        assertEquals(0, process.exitValue(), "install.sh (is Postfix installed? apt-get install postfix):\n" + log);
    }

    private static String relayPassword() throws IOException {
        return Files.readString(Path.of("../examples/secrets/relay.password")).lines().findFirst().orElseThrow();
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }
}
