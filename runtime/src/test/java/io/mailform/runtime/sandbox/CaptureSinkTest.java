package io.mailform.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
        try (Dialog dialog = new Dialog(new Socket("127.0.0.1", sink.port()))) {
            assertTrue(dialog.command("EHLO client.test").contains("250-STARTTLS"));
            dialog.deliver();
        }
        CapturedMessage captured = sink.awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertFalse(captured.tls());
        assertEquals("client.test", captured.helo());
    }

    @Test
    void startTlsWithTheSandboxCertificateVerifiedAgainstItsAuthority() throws Exception {
        sink = CaptureSink.start("smtp.example.net:587", tls);
        try (Dialog dialog = new Dialog(new Socket("127.0.0.1", sink.port()))) {
            dialog.command("EHLO client.test");
            assertTrue(dialog.command("STARTTLS").startsWith("220"));
            SSLSocket secure = (SSLSocket) trusting(tls.certificateAuthority()).getSocketFactory()
                .createSocket(dialog.socket, SandboxTls.SINK_HOST_NAME, sink.port(), true);
            SSLParameters parameters = secure.getSSLParameters();
            // The check a client at TLS level verify makes: the certificate names the host it connected to.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.startHandshake();
            try (Dialog encrypted = new Dialog(secure)) {
                String ehlo = encrypted.command("EHLO client.test");
                assertFalse(ehlo.contains("STARTTLS"), "offered once: " + ehlo);
                String login = Base64.getEncoder().encodeToString("\0example-org\0secret".getBytes(
                    StandardCharsets.UTF_8));
                assertTrue(encrypted.command("AUTH PLAIN " + login).startsWith("235"));
                encrypted.deliver();
            }
        }
        CapturedMessage captured = sink.awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertTrue(captured.tls());
        assertEquals(Optional.of("example-org"), captured.authenticatedAs());
        assertEquals(Optional.of("secret"), captured.authPassword());
        assertEquals("sender@example.org", captured.sender());
        assertEquals(List.of("rcpt@example.net"), captured.recipients());
        assertEquals("Subject: hi\r\n\r\n.dotted\r\n", captured.text());
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

    /** A raw SMTP client. */
    private static final class Dialog implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Dialog(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
            if (!(socket instanceof SSLSocket)) {
                assertTrue(in.readLine().startsWith("220"));
            }
        }

        /** The whole reply, its lines joined with newlines. */
        String command(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder reply = new StringBuilder();
            String next = in.readLine();
            reply.append(next);
            while (next != null && next.length() > 3 && next.charAt(3) == '-') {
                next = in.readLine();
                reply.append('\n').append(next);
            }
            return reply.toString();
        }

        void deliver() throws IOException {
            assertTrue(command("MAIL FROM:<sender@example.org>").startsWith("250"));
            assertTrue(command("RCPT TO:<rcpt@example.net>").startsWith("250"));
            assertTrue(command("DATA").startsWith("354"));
            assertTrue(command("Subject: hi\r\n\r\n..dotted\r\n.").startsWith("250"));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
