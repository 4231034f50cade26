package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.DomainName;
import io.mailform.model.Mode;
import io.mailform.model.SecretSource;
import io.mailform.model.ServerTls;
import io.mailform.model.TlsLevel;
import io.mailform.model.UnsafeTarget;
import io.mailform.source.Position;
import io.mailform.source.Span;
import io.mailform.yaml.SourceMap;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emitter's own guard, on models built in Java: the schema and the rules would stop these values first, so
 * only the guard stands between them and the files. Each case must produce its code at its node and no output.
 */
class ValueGuardTest {
    /** A distinct position for each pointer a case names, so that a diagnostic at the wrong node is seen. */
    private static SourceMap mapOf(String... pointers) {
        java.util.HashMap<String, Span> spans = new java.util.HashMap<>();
        for (int i = 0; i < pointers.length; i++) {
            Position position = new Position(10 + i, 3, 100 + 10 * i);
            spans.put(pointers[i], Span.at(position));
        }
        return new SourceMap(spans, spans);
    }

    private static void assertRefused(Emission emission, Code code, int line) {
        assertTrue(emission.emitted().tree().files().isEmpty(), "no file may be written: "
                + emission.emitted().tree().files().keySet());
        assertEquals(1, emission.diagnostics().size(), emission.diagnostics()::toString);
        Diagnostic diagnostic = emission.diagnostics().get(0);
        assertEquals(code, diagnostic.code(), diagnostic::toString);
        assertEquals(line, diagnostic.span().start().line(), diagnostic::toString);
        assertTrue(diagnostic.help().isPresent(), "every refusal says how to fix it");
    }

    static Stream<Arguments> unsafeParameterValues() {
        return Stream.of(
                Arguments.of("line feed", "yes\nrelayhost = [evil.example]"),
                Arguments.of("carriage return", "yes\rrelayhost = [evil.example]"),
                Arguments.of("NUL", "yes\0"),
                Arguments.of("leading space", " yes"),
                Arguments.of("leading tab", "\tyes"),
                Arguments.of("comment", "# yes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeParameterValues")
    void refusesParameterValuesThatChangeMainCf(String what, String value) {
        SystemBuilder builder = new SystemBuilder().postfix("disable_vrfy_command", "yes")
                .postfix("smtpd_helo_required", value);
        Emission emission = Emission.of(builder.build(),
                mapOf("/postfix/disable_vrfy_command", "/postfix/smtpd_helo_required"), Map.of(), Path.of("."));
        assertRefused(emission, Code.VALUE_UNSAFE, 11);
        assertTrue(emission.diagnostics().get(0).message().contains("smtpd_helo_required"));
    }

    @Test
    void refusesAParameterNameThatIsNotOne() {
        Emission emission = Emission.of(new SystemBuilder().postfix("a = b\nc", "d").build(),
                mapOf("/postfix/a = b\nc"), Map.of(), Path.of("."));
        assertRefused(emission, Code.VALUE_UNSAFE, 10);
    }

    @Test
    void refusesLineBreaksInValuesOfFirstClassKeys() {
        SystemBuilder builder = new SystemBuilder();
        builder.recipientDelimiter = "+\nrelayhost = [evil.example]";
        assertRefused(Emission.of(builder.build(), mapOf("/recipient_delimiter"), Map.of(), Path.of(".")),
                Code.VALUE_UNSAFE, 10);

        SystemBuilder certificate = new SystemBuilder();
        certificate.serverTls = new ServerTls.Certificate("/etc/ssl/a.pem\nsmtpd_tls_security_level = none",
                "/etc/ssl/a.key");
        assertRefused(Emission.of(certificate.build(), mapOf("/tls/server/key_file", "/tls/server/cert_file"),
                Map.of(), Path.of(".")), Code.VALUE_UNSAFE, 11);
    }

    @Test
    void refusesAParameterThatMailformAlreadyWrites() {
        Emission emission = Emission.of(new SystemBuilder().postfix("myhostname", "other.example.org").build(),
                mapOf("/hostname", "/postfix/myhostname"), Map.of(), Path.of("."));
        assertRefused(emission, Code.POSTFIX_PARAMETER_OWNED, 11);
        assertTrue(emission.diagnostics().get(0).message().contains("hostname"));
    }

    static Stream<Arguments> unsafeAliasNames() {
        return Stream.of(
                Arguments.of("colon", "ab:cd"),
                Arguments.of("comma", "ab,cd"),
                Arguments.of("space", "ab cd"),
                Arguments.of("line feed", "ab\nroot"),
                Arguments.of("quote", "\"ab\""),
                Arguments.of("comment", "#ab"),
                Arguments.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeAliasNames")
    void refusesAliasNamesThatAreNotNames(String what, String name) {
        Emission emission = Emission.of(new SystemBuilder().alias(name, new AliasTarget.Local("root")).build(),
                mapOf("/aliases/" + name.replace("~", "~0").replace("/", "~1")), Map.of(), Path.of("."));
        assertRefused(emission, Code.VALUE_UNSAFE, 10);
    }

    static Stream<Arguments> unsafeAliasTargets() {
        return Stream.of(
                Arguments.of("command without opt-in", new AliasTarget.Command("/bin/rm -rf /")),
                Arguments.of("file without opt-in", new AliasTarget.File("/var/log/mail-copy")),
                Arguments.of("include without opt-in", new AliasTarget.Include("/etc/mail/more")),
                Arguments.of("local name read as a command", new AliasTarget.Local("|/bin/sh")),
                Arguments.of("local name read as a file", new AliasTarget.Local("/etc/passwd")),
                Arguments.of("local name read as an include", new AliasTarget.Local(":include:/etc/x")),
                Arguments.of("comma splits the target", new AliasTarget.Local("alice,|/bin/sh")),
                Arguments.of("line feed", new AliasTarget.Local("alice\nroot: evil")),
                Arguments.of("space", new AliasTarget.Local("alice bob")),
                Arguments.of("address with a comma", new AliasTarget.Address("a,b", new DomainName("example.com"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeAliasTargets")
    void refusesAliasTargetsThatBecomeSomethingElse(String what, AliasTarget target) {
        Emission emission = Emission.of(new SystemBuilder().alias("team", target).build(),
                mapOf("/aliases/team", "/aliases/team/0"), Map.of(), Path.of("."));
        assertRefused(emission, Code.VALUE_UNSAFE, 11);
    }

    @Test
    void refusesACommandThatItsQuotesCannotHold() {
        SystemBuilder builder = new SystemBuilder().alias("team", new AliasTarget.Command("/bin/echo \", evil"));
        builder.allowedAliasTargets = EnumSet.of(UnsafeTarget.COMMAND);
        assertRefused(Emission.of(builder.build(), mapOf("/aliases/team/0"), Map.of(), Path.of(".")),
                Code.VALUE_UNSAFE, 10);
    }

    @Test
    void refusesUnsafeRootRecipients() {
        SystemBuilder builder = new SystemBuilder();
        builder.rootRecipient = List.of(new AliasTarget.Local("alice"), new AliasTarget.Local("|/bin/sh"));
        assertRefused(Emission.of(builder.build(), mapOf("/root_recipient/0", "/root_recipient/1"), Map.of(),
                Path.of(".")), Code.VALUE_UNSAFE, 11);
    }

    @Test
    void refusesAnAliasNameThatPostfixFoldsIntoAnother() {
        SystemBuilder builder = new SystemBuilder().alias("Sales", new AliasTarget.Local("root"))
                .alias("sales", new AliasTarget.Local("root"));
        assertRefused(Emission.of(builder.build(), mapOf("/aliases/Sales", "/aliases/sales"), Map.of(),
                Path.of(".")), Code.ALIAS_DUPLICATE, 11);

        SystemBuilder root = new SystemBuilder().alias("root", new AliasTarget.Local("alice"));
        root.rootRecipient = List.of(new AliasTarget.Local("bob"));
        assertRefused(Emission.of(root.build(), mapOf("/aliases/root", "/root_recipient"), Map.of(), Path.of(".")),
                Code.ALIAS_DUPLICATE, 11);
    }

    static Stream<Arguments> unsafeCredentials() {
        return Stream.of(
                Arguments.of("colon in username", "user:name", "s3cret", "/relay/auth/username"),
                Arguments.of("space in username", "user name", "s3cret", "/relay/auth/username"),
                Arguments.of("line feed in password", "user", "s3cret\n[evil]:25 x:y", "/relay/auth/password_env"),
                Arguments.of("trailing space in password", "user", "s3cret ", "/relay/auth/password_env"),
                Arguments.of("leading space in password", "user", " s3cret", "/relay/auth/password_env"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeCredentials")
    void refusesCredentialsThatASaslPasswdLineCannotHold(String what, String username, String password,
            String pointer) {
        SystemBuilder builder = new SystemBuilder().mode(Mode.INTERNET_SMARTHOST).relay(SystemBuilder.relayTo(
                "smtp.example.net", 587, TlsLevel.ENCRYPT, username, new SecretSource.Environment("PW")));
        Emission emission = Emission.of(builder.build(), mapOf("/relay/auth/username", "/relay/auth/password_env"),
                Map.of("PW", password), Path.of("."));
        assertRefused(emission, Code.VALUE_UNSAFE, pointer.endsWith("username") ? 10 : 11);
        assertFalse(emission.diagnostics().get(0).message().contains("s3cret"), "the password is never shown");
    }

    @Test
    void refusesTwoLoginsForOneNextHop() {
        SystemBuilder builder = new SystemBuilder().mode(Mode.INTERNET_SMARTHOST)
                .relay(SystemBuilder.relayTo("smtp.example.net", 587, TlsLevel.ENCRYPT, "one",
                        new SecretSource.Environment("PW")))
                .route("example.com", SystemBuilder.relayTo("smtp.example.net", 587, TlsLevel.ENCRYPT, "two",
                        new SecretSource.Environment("PW")));
        Emission emission = Emission.of(builder.build(),
                mapOf("/relay/auth/password_env", "/routes/example.com/auth/password_env"), Map.of("PW", "s3cret"),
                Path.of("."));
        assertRefused(emission, Code.VALUE_UNSAFE, 11);
        assertFalse(emission.diagnostics().get(0).message().contains("s3cret"));
    }

    @Test
    void theSameLoginForOneNextHopIsWrittenOnce() {
        SystemBuilder builder = new SystemBuilder().mode(Mode.INTERNET_SMARTHOST)
                .relay(SystemBuilder.relayTo("smtp.example.net", 587, TlsLevel.ENCRYPT, "one",
                        new SecretSource.Environment("PW")))
                .route("example.com", SystemBuilder.relayTo("smtp.example.net", 587, TlsLevel.ENCRYPT, "one",
                        new SecretSource.Environment("PW")));
        Emission emission = Emission.of(builder.build(), SourceMap.empty(), Map.of("PW", "s3cret"), Path.of("."));
        assertEquals(List.of(), emission.diagnostics());
        assertEquals(1, emission.text("sasl_passwd").lines().filter(line -> line.contains("one:s3cret")).count());
    }

    @Test
    void reportsEveryProblemOfOneModelInOneRun() {
        SystemBuilder builder = new SystemBuilder().postfix("smtpd_helo_required", "yes\nx = y")
                .alias("a:b", new AliasTarget.Local("root"));
        builder.aliases.add(new Alias("team", List.of(new AliasTarget.Command("/bin/sh"))));
        Emission emission = Emission.of(builder.build());
        assertEquals(3, emission.diagnostics().size(), emission.diagnostics()::toString);
        assertTrue(emission.emitted().tree().files().isEmpty());
    }
}
