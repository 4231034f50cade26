package io.mailform.runtime.smtp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.mailform.runtime.compile.DescriptionCompiler;
import io.mailform.runtime.scenario.ScenarioCases;
import io.mailform.runtime.server.MailSystemRuntime;
import io.mailform.runtime.server.RunningMailSystem;
import io.mailform.runtime.server.RuntimeOptions;
import io.mailform.runtime.server.TemporaryDirectories;

/**
 * XCLIENT LOGIN where the server does offer AUTH: the session counts as authenticated, as Postfix's
 * permit_sasl_authenticated counts it with smtpd_sasl_auth_enable = yes (measured on Postfix 3.7.11: 250 for a
 * remote recipient after XCLIENT ADDR=203.0.113.9 LOGIN=alice, 454 without LOGIN). No description turns on a SASL
 * server, so this test announces AUTH in the compiled smtpserver.xml of descriptions/remote-network.yaml, and judges
 * James by the cases alone: the oracle reads the description, which offers no SASL.
 */
class XclientLoginTest {
    private static final Path DESCRIPTION = Path.of("src/test/resources/descriptions/remote-network.yaml");
    private static final String CASES = """
          - name: a login lets a client outside networks relay
            send: {client: outside, login: alice, from: alice@example.org, to: friend@remote.test}
            expect:
              relayed: [{via: direct, to: friend@remote.test}]
          - name: without a login the same client may not
            send: {client: outside, from: alice@example.org, to: friend@remote.test}
            expect: {rcpt: 454 4.7.1}
        """;

    private Path compiled;

    @AfterEach
    void deleteCompiled() {
        if (compiled != null) {
            TemporaryDirectories.delete(compiled);
        }
    }

    @Test
    void aLoginGrantsRelayingWhereTheServerAnnouncesAuth() throws Exception {
        compiled = DescriptionCompiler.compile(DESCRIPTION, Map.of(), new PrintStream(OutputStream.nullOutputStream()));
        Path smtpServer = compiled.resolve("james/conf/smtpserver.xml");
        String xml = Files.readString(smtpServer);
        assertTrue(xml.contains("<announce>never</announce>"), xml);
        Files.writeString(smtpServer, xml.replace("<announce>never</announce>", "<announce>always</announce>"));
        try (RunningMailSystem james = MailSystemRuntime.start(RuntimeOptions.sandboxed(compiled))) {
            ScenarioCases.assertPassedOnTheServers(ScenarioCases.run(james, DESCRIPTION, CASES));
        }
    }
}
