package io.mailform.runtime.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The client speaks from the loopback address it is given, and sends a command's bytes exactly as given. */
class SmtpClientTest {
    @Test
    void aClientBoundTo127002IsSeenThereAndSendsEightBitBytesAsGiven() throws Exception {
        try (ServerSocket listening = new ServerSocket()) {
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<Object[]> seen = CompletableFuture.supplyAsync(() -> serveOneCommand(listening));
            byte[] command = "RCPT TO:<w\u00e9b@example.org>".getBytes(StandardCharsets.ISO_8859_1);
            try (SmtpClient smtp = SmtpClient.connect("127.0.0.1", listening.getLocalPort(), "127.0.0.2",
                    Duration.ofSeconds(10))) {
                assertEquals(220, smtp.greeting().code());
                assertEquals(250, smtp.command(command).code());
                assertThrows(IllegalArgumentException.class, () -> smtp.command("a\rb".getBytes(
                    StandardCharsets.US_ASCII)));
            }
            Object[] result = seen.get(10, TimeUnit.SECONDS);
            assertEquals("127.0.0.2", result[0]);
            byte[] expected = new byte[command.length + 2];
            System.arraycopy(command, 0, expected, 0, command.length);
            expected[command.length] = '\r';
            expected[command.length + 1] = '\n';
            assertArrayEquals(expected, (byte[]) result[1]);
        }
    }

    /** Greets, reads one line, answers 250; returns the client's address and the line's bytes. */
    private static Object[] serveOneCommand(ServerSocket listening) {
        try (Socket client = listening.accept()) {
            OutputStream out = client.getOutputStream();
            out.write("220 test\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = client.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
            out.write("250 ok\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new Object[] {client.getInetAddress().getHostAddress(), line.toByteArray()};
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
