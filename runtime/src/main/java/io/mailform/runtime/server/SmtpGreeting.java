package io.mailform.runtime.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.mailform.runtime.config.StartupException;

/** Ready means that a client gets the 220 greeting, not merely that the port is bound. */
public final class SmtpGreeting {
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
    private static final int READ_TIMEOUT_MILLIS = 5_000;
    private static final long PAUSE_MILLIS = 50;

    private SmtpGreeting() {
    }

    /** Waits until SMTP on {@code host:port} greets with 220, and says QUIT. */
    public static void await(String host, int port, Duration timeout) throws StartupException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                String greeting = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                if (greeting != null && greeting.startsWith("220")) {
                    socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                last = String.valueOf(greeting);
            } catch (IOException e) {
                last = e.getMessage();
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("interrupted while waiting for SMTP on port " + port);
            }
        }
        throw new StartupException("SMTP on " + host + ":" + port + " did not answer with 220 within "
            + timeout.toSeconds() + " s (" + last + ")");
    }
}
