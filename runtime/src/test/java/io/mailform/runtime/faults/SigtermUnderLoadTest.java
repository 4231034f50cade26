package io.mailform.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailform.runtime.RunMain;
import io.mailform.runtime.client.SmtpClient;

/**
 * {@code run} told to stop (SIGTERM) while ten clients send mail for the smarthost as fast as it takes it: it stops
 * within its timeout, and every message it accepted is either in the capture directory (it reached the smarthost)
 * or counted in what it reports as lost, exactly. Nothing accepted is lost without a word.
 */
class SigtermUnderLoadTest {
    private static final Pattern READY = Pattern.compile("ready smtp=(\\d+) .*");
    private static final Pattern UNDELIVERED = Pattern.compile("stopped with (\\d+) messages? accepted");
    private static final int CLIENTS = 10;

    @TempDir
    Path temporary;

    @Test
    void stopsInTimeAndAccountsForEveryAcceptedMessage() throws Exception {
        Path captured = temporary.resolve("captured");
        Path stderr = temporary.resolve("stderr");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunMain.class.getName(), "run",
                "../examples/internet-smarthost.yaml", "--capture-dir", captured.toString())
                .redirectError(stderr.toFile()).start();
        AtomicInteger accepted = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = String.valueOf(stdout.readLine());
            Matcher matcher = READY.matcher(ready);
            assertTrue(matcher.matches(), ready + "\n" + Files.readString(stderr));
            int smtpPort = Integer.parseInt(matcher.group(1));
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> send(smtpPort, client, sending, accepted));
            }
            while (accepted.get() < 200) {
                Thread.sleep(20);
            }
            long signalled = System.nanoTime();
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "still running 90 s after SIGTERM");
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            sending.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));

            String errors = Files.readString(stderr);
            Matcher undeliveredLine = UNDELIVERED.matcher(errors);
            long undelivered = undeliveredLine.find() ? Long.parseLong(undeliveredLine.group(1)) : 0;
            long arrived = Files.readAllLines(captured.resolve("index.jsonl")).size();
            assertTrue(arrived <= accepted.get(), arrived + " captured of " + accepted.get() + " accepted");
            assertEquals(accepted.get(), arrived + undelivered, accepted.get() + " accepted, " + arrived
                    + " reached the smarthost and " + undelivered + " reported undelivered:\n" + errors);
            assertTrue(stopMillis < 60_000 + 5_000, "stopped after " + stopMillis + " ms");
            System.err.printf("SigtermUnderLoadTest: %d accepted, %d at the smarthost, %d reported undelivered,"
                    + " stopped in %d ms%n", accepted.get(), arrived, undelivered, stopMillis);
        } finally {
            sending.set(false);
            clients.shutdownNow();
            process.destroyForcibly();
        }
    }

    /** Sends until told to stop or the server goes away; counts each message the server answered 250 to. */
    private static Void send(int port, int client, AtomicBoolean sending, AtomicInteger accepted) {
        try (SmtpClient smtp = SmtpClient.connect("127.0.0.1", port, Duration.ofSeconds(30))) {
            smtp.command("EHLO client" + client + ".example.com");
            for (int m = 0; sending.get(); m++) {
                if (smtp.command("MAIL FROM:<admin@example.com>").code() != 250
                        || smtp.command("RCPT TO:<friend@remote.example>").code() != 250) {
                    return null;
                }
                byte[] message = ("Subject: sigterm-" + client + "-" + m + "\r\n\r\nbody\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                if (smtp.data(message).code() == 250) {
                    accepted.incrementAndGet();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The server stopped in the middle of a transaction: that message was not accepted.
        }
        return null;
    }
}
