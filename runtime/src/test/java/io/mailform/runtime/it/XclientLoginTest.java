package io.mailform.runtime.it;

import static io.mailform.runtime.it.Replies.assertReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mailform.runtime.compile.DescriptionCompiler;
import io.mailform.runtime.server.MailSystemRuntime;
import io.mailform.runtime.server.RunningMailSystem;
import io.mailform.runtime.server.RuntimeOptions;

/**
 * XCLIENT LOGIN where the server does offer AUTH: the session counts as authenticated, as Postfix's
 * permit_sasl_authenticated counts it with smtpd_sasl_auth_enable = yes (measured on Postfix 3.7.11: 250 for a
 * remote recipient after XCLIENT ADDR=203.0.113.9 LOGIN=alice, 454 without LOGIN). No description turns on a SASL
 * server, so this test announces AUTH in the compiled smtpserver.xml of descriptions/remote-network.yaml.
 */
class XclientLoginTest {
    private static Path compiled;
    private static RunningMailSystem system;

    @BeforeAll
    static void start() throws Exception {
        compiled = DescriptionCompiler.compile(Path.of("src/test/resources/descriptions/remote-network.yaml"), Map.of(),
            new PrintStream(OutputStream.nullOutputStream()));
        Path smtpServer = compiled.resolve("james/conf/smtpserver.xml");
        String xml = Files.readString(smtpServer);
        assertTrue(xml.contains("<announce>never</announce>"), xml);
        Files.writeString(smtpServer, xml.replace("<announce>never</announce>", "<announce>always</announce>"));
        system = MailSystemRuntime.start(RuntimeOptions.sandboxed(compiled));
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
        try (Stream<Path> paths = Files.walk(compiled)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aLoginLetsAClientOutsideNetworksRelay() throws Exception {
        MailClient.Sent sent;
        try (SmtpDialog smtp = new SmtpDialog(system.host(), system.smtpPort())) {
            smtp.command("EHLO client.example");
            assertReply("220", smtp.command("XCLIENT ADDR=203.0.113.9 LOGIN=alice"));
            sent = smtp.send("alice@example.org", MailClient.uniqueSubject("login"), "friend@remote.test");
        }
        assertEquals(List.of("friend@remote.test"), Sinks.await(system.directSink(), sent).recipients());
    }

    @Test
    void withoutALoginTheSameClientMayNot() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(system.host(), system.smtpPort())) {
            smtp.command("EHLO client.example");
            assertReply("220", smtp.command("XCLIENT ADDR=203.0.113.9"));
            assertReply("250 2.1.0", smtp.command("MAIL FROM:<alice@example.org>"));
            assertReply("454 4.7.1", smtp.command("RCPT TO:<friend@remote.test>"));
        }
    }
}
