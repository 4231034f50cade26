package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.bind.Binder;
import io.mailform.bind.Bound;
import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.emit.EmitContext;
import io.mailform.emit.Emitted;
import io.mailform.yaml.ReadResult;
import io.mailform.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relay passwords read at compile time, and the diagnostics at the node that names an unreadable one. */
class RelayCredentialsTest {
    private static final String SMARTHOST = """
            version: 1
            mode: internet-smarthost
            hostname: mail.example.org
            mail_name: example.org
            relay:
              host: smtp.example.net
              port: 587
              tls: encrypt
              auth:
                username: user
            """;

    @TempDir
    Path directory;

    private Emitted emit(String yaml, Map<String, String> environment) {
        ReadResult read = new YamlReader().read("site.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertTrue(read.document().isPresent(), read.diagnostics()::toString);
        Bound bound = new Binder().bind(read.document().get(), read.source(), read.sourceMap());
        EmitContext context = new EmitContext("site.yaml", directory, environment, read.sourceMap());
        return new PostfixEmitter().emit(bound.mailSystem().orElseThrow(), read.source(), context);
    }

    private static String saslLine(Emitted emitted) {
        String text = new String(emitted.tree().files().get("sasl_passwd").content(), StandardCharsets.UTF_8);
        return text.lines().filter(line -> !line.startsWith("#")).findFirst().orElseThrow();
    }

    private static void assertUnavailable(Emitted emitted, int line, int column) {
        assertTrue(emitted.tree().files().isEmpty(), "no half tree");
        assertEquals(1, emitted.diagnostics().size(), emitted.diagnostics()::toString);
        Diagnostic diagnostic = emitted.diagnostics().get(0);
        assertEquals(Code.SECRET_UNAVAILABLE, diagnostic.code());
        assertEquals(line + ":" + column, diagnostic.span().start().toString(), diagnostic::toString);
        assertTrue(diagnostic.help().isPresent());
    }

    @Test
    void readsThePasswordFromTheEnvironment() {
        Emitted emitted = emit(SMARTHOST + "    password_env: RELAY_PASSWORD\n", Map.of("RELAY_PASSWORD", "pw 1"));
        assertEquals(List.of(), emitted.diagnostics());
        assertEquals("[smtp.example.net]:587\tuser:pw 1", saslLine(emitted));
    }

    @Test
    void reportsAMissingVariableAtItsName() {
        Emitted emitted = emit(SMARTHOST + "    password_env: RELAY_PASSWORD\n", Map.of());
        assertUnavailable(emitted, 11, 19);
        assertTrue(emitted.diagnostics().get(0).message().contains("RELAY_PASSWORD"));
    }

    @Test
    void reportsAnEmptyVariable() {
        assertUnavailable(emit(SMARTHOST + "    password_env: RELAY_PASSWORD\n", Map.of("RELAY_PASSWORD", "")), 11, 19);
    }

    @Test
    void readsTheFirstLineOfAFileRelativeToTheDescription() throws Exception {
        Files.createDirectories(directory.resolve("secrets"));
        Files.writeString(directory.resolve("secrets/relay.password"), "pw:2\r\nsecond line is ignored\n");
        Emitted emitted = emit(SMARTHOST + "    password_file: secrets/relay.password\n", Map.of());
        assertEquals(List.of(), emitted.diagnostics());
        assertEquals("[smtp.example.net]:587\tuser:pw:2", saslLine(emitted));
    }

    @Test
    void reportsAMissingFileAtItsPath() {
        Emitted emitted = emit(SMARTHOST + "    password_file: secrets/missing\n", Map.of());
        assertUnavailable(emitted, 11, 20);
        assertTrue(emitted.diagnostics().get(0).message().contains("does not exist"));
    }

    @Test
    void reportsAFileWithAnEmptyFirstLine() throws Exception {
        Files.writeString(directory.resolve("empty"), "\nsecret on the second line\n");
        assertUnavailable(emit(SMARTHOST + "    password_file: empty\n", Map.of()), 11, 20);
    }

    @Test
    void reportsAFileThatIsNotText() throws Exception {
        Files.write(directory.resolve("binary"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});
        assertUnavailable(emit(SMARTHOST + "    password_file: binary\n", Map.of()), 11, 20);
    }

    @Test
    void reportsARouteLoginAtTheRoute() {
        String yaml = """
                version: 1
                mode: internet-site
                hostname: mail.example.org
                mail_name: example.org
                routes:
                  example.com:
                    host: mx.example.com
                    tls: encrypt
                    auth:
                      username: user
                      password_env: ROUTE_PASSWORD
                """;
        assertUnavailable(emit(yaml, Map.of()), 11, 21);
    }
}
