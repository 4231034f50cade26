package io.mailform.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailform.runtime.config.StartupException;

/**
 * Compiling a description for the runtime: the James files with their modes (for Postfix every target), or the
 * compiler's diagnostics.
 */
class DescriptionCompilerTest {
    private static final String SITE = "version: 1\nmode: internet-site\nhostname: mail.example.org\n"
        + "mail_name: example.org\n";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    private final List<Path> compiled = new ArrayList<>();

    private Path compile(String yaml, Map<String, String> environment) throws Exception {
        Path description = directory.resolve("mail.yaml");
        Files.writeString(description, yaml);
        Path output = DescriptionCompiler.compile(description, environment,
            new PrintStream(warnings, true, StandardCharsets.UTF_8));
        compiled.add(output);
        return output;
    }

    @AfterEach
    void deleteCompiled() throws Exception {
        for (Path output : compiled) {
            try (Stream<Path> paths = Files.walk(output)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void writesTheJamesTreeWithSecretsKeptPrivate() throws Exception {
        Path compiled = compile(SITE + "users:\n  - name: alice\n    password_env: ALICE_IMAP\n",
            Map.of("ALICE_IMAP", "s3cret"));
        assertTrue(Files.isRegularFile(compiled.resolve("james/conf/smtpserver.xml")));
        Path provisioning = compiled.resolve("james/provisioning.json");
        assertTrue(Files.readString(provisioning).contains("\"password\" : \"s3cret\""));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
            Files.getPosixFilePermissions(provisioning));
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void warningsArePrintedAndTheStartGoesOn() throws Exception {
        Path compiled = compile(SITE + "allow_alias_targets: [command]\naliases:\n  lists: \"|/usr/bin/lists\"\n",
            Map.of());
        assertTrue(Files.isDirectory(compiled.resolve("james")));
        String printed = warnings.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("mail.yaml:7:10: warning[james-unsupported]"), printed);
    }

    @Test
    void errorsStopTheStartWithTheDiagnostics() {
        StartupException refused = assertThrows(StartupException.class,
            () -> compile(SITE + "message_size_limit: lots\n", Map.of()));
        assertTrue(refused.getMessage().contains("mail.yaml has errors; nothing was started"), refused.getMessage());
        assertTrue(refused.getMessage().contains("mail.yaml:5:21: error["), refused.getMessage());
    }

    @Test
    void anUnreadableSecretStopsTheStart() {
        StartupException refused = assertThrows(StartupException.class,
            () -> compile(SITE + "users:\n  - name: alice\n    password_env: ALICE_IMAP\n", Map.of()));
        assertTrue(refused.getMessage().contains("error[secret-unavailable]"), refused.getMessage());
    }

    @Test
    void modeNoneHasNothingToStart() {
        StartupException refused = assertThrows(StartupException.class,
            () -> compile("version: 1\nmode: none\n", Map.of()));
        assertTrue(refused.getMessage().contains("mode none has no James configuration"), refused.getMessage());
    }

    @Test
    void forPostfixEveryTargetIsWrittenAndJamesLimitsAreNotMentioned() throws Exception {
        Path description = directory.resolve("mail.yaml");
        Files.writeString(description,
            SITE + "allow_alias_targets: [command]\naliases:\n  lists: \"|/usr/bin/lists\"\n");
        Path output = DescriptionCompiler.compileForPostfix(description, Map.of(),
            new PrintStream(warnings, true, StandardCharsets.UTF_8));
        compiled.add(output);
        assertTrue(Files.isRegularFile(output.resolve("postfix/main.cf")));
        assertTrue(Files.isRegularFile(output.resolve("james/provisioning.json")), "the accounts come from here");
        assertEquals("", warnings.toString(StandardCharsets.UTF_8), "the command alias is Postfix's to run");
    }

    @Test
    void forPostfixModeNoneHasNothingToStart() throws Exception {
        Path description = directory.resolve("mail.yaml");
        Files.writeString(description, "version: 1\nmode: none\npostfix:\n  smtpd_helo_required: \"yes\"\n");
        StartupException refused = assertThrows(StartupException.class, () -> DescriptionCompiler.compileForPostfix(
            description, Map.of(), new PrintStream(warnings, true, StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().contains("mode none has no main.cf of its own but parameters to merge into "
            + "this host's"), refused.getMessage());
    }
}
