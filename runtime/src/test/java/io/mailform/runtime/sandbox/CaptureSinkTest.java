package io.mailform.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.mailform.runtime.client.SmtpClient;

/** A capture sink records envelope, login and message, and whether they came after STARTTLS. */
class CaptureSinkTest {
    private final SandboxTls tls = SandboxTls.create();
    private CaptureSink sink;

    @AfterEach
    void close() throws IOException {
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void plainSmtpIsRecordedAsNotEncrypted() throws Exception {
        sink = CaptureSink.start("direct", tls);
        try (SmtpClient smtp = connect()) {
            smtp.command("EHLO client.test");
            assertTrue(offersStartTls(smtp.lastLines()), smtp.lastLines()::toString);
            deliver(smtp);
        }
        CapturedMessage captured = sink.awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertFalse(captured.tls());
        assertEquals("client.test", captured.helo());
    }

    @Test
    void startTlsWithTheSandboxCertificateVerifiedAgainstItsAuthority() throws Exception {
        sink = CaptureSink.start("smtp.example.net:587", tls);
        try (SmtpClient smtp = connect()) {
            smtp.command("EHLO client.test");
            // SmtpClient checks that the certificate names the host, as a client at TLS level verify does.
            assertEquals(220, smtp.startTls(trusting(tls.certificateAuthority()), SandboxTls.SINK_HOST_NAME).code());
            smtp.command("EHLO client.test");
            assertFalse(offersStartTls(smtp.lastLines()), "offered once: " + smtp.lastLines());
            String login = Base64.getEncoder().encodeToString("\0example-org\0secret".getBytes(
                StandardCharsets.UTF_8));
            assertEquals(235, smtp.command("AUTH PLAIN " + login).code());
            deliver(smtp);
        }
        CapturedMessage captured = sink.awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertTrue(captured.tls());
        assertEquals(Optional.of("example-org"), captured.authenticatedAs());
        assertEquals(Optional.of("secret"), captured.authPassword());
        assertEquals("sender@example.org", captured.sender());
        assertEquals(List.of("rcpt@example.net"), captured.recipients());
        assertEquals("Subject: hi\r\n\r\n.dotted\r\n", captured.text());
    }

    private SmtpClient connect() throws IOException {
        SmtpClient smtp = SmtpClient.connect("127.0.0.1", sink.port(), Duration.ofSeconds(10));
        assertEquals(220, smtp.greeting().code());
        return smtp;
    }

    private static boolean offersStartTls(List<String> ehlo) {
        return ehlo.stream().anyMatch(line -> line.substring(4).equals("STARTTLS"));
    }

    /** A message whose body line starts with a dot, which the sink must record without the stuffing. */
    private static void deliver(SmtpClient smtp) throws IOException {
        assertEquals(250, smtp.command("MAIL FROM:<sender@example.org>").code());
        assertEquals(250, smtp.command("RCPT TO:<rcpt@example.net>").code());
        assertEquals(250, smtp.data("Subject: hi\r\n\r\n.dotted\r\n".getBytes(StandardCharsets.US_ASCII)).code());
    }

    private static SSLContext trusting(X509Certificate authority) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("sandbox", authority);
        TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        managers.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, managers.getTrustManagers(), null);
        return context;
    }
}
