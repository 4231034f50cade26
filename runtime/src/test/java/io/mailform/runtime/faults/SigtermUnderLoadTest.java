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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailform.delivery.Reply;
import io.mailform.runtime.RunMain;
import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.sandbox.CapturedFiles;
import io.mailform.runtime.sandbox.CapturedFiles.IndexLine;

/**
 * {@code run} told to stop (SIGTERM) while ten clients send mail for the smarthost as fast as it takes it. Each
 * message has a subject of its own, so that the test follows every one of them. The client puts each message in
 * exactly one class by what it saw at the end of DATA, and each class allows exactly this:
 * <ul>
 *   <li><b>accepted</b> (the client read 250): captured exactly once, or not captured and counted in the number
 *   {@code run} reports lost;</li>
 *   <li><b>refused</b> (the client read another reply, e.g. {@code 421 4.3.2} once the server closed its intake):
 *   never captured;</li>
 *   <li><b>in flight</b> (the connection dropped after the client sent DATA, before it read a reply): captured at most
 *   once, or not at all. The server may have queued it and then lost the connection before its 250 reached the
 *   client: the message is delivered though its client does not know, at least once, as SMTP allows; a client that
 *   sees no reply must send again, which may make a second copy, and is the only way to a second copy;</li>
 *   <li>a message whose MAIL or RCPT was not answered 250 never reached DATA and is never captured.</li>
 * </ul>
 * The number reported lost must cover every accepted message that was not captured (nothing accepted is lost without
 * a word) and can be no more than the messages not captured plus those captured after the SIGTERM: a message that
 * James was handing to the smarthost when its drain ended is counted and may still arrive there. {@code run} exits
 * with 0 when it reported none lost, 3 when it did, and stops within its timeout.
 */
class SigtermUnderLoadTest {
    private static final Pattern READY = Pattern.compile("ready smtp=(\\d+) .*");
    private static final Pattern UNDELIVERED = Pattern.compile("stopped with (\\d+) messages? accepted");
    private static final Pattern SUBJECT = Pattern.compile("(?m)^Subject: (sigterm-\\d+-\\d+)\r?$");
    private static final int CLIENTS = 10;

    /** What a client saw of a message it sent. */
    private enum Fate {
        ACCEPTED, REFUSED, IN_FLIGHT
    }

    @TempDir
    Path temporary;

    @Test
    void stopsInTimeAndAccountsForEveryMessage() throws Exception {
        Path captured = temporary.resolve("captured");
        Path stderr = temporary.resolve("stderr");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunMain.class.getName(), "run",
                "../examples/internet-smarthost.yaml", "--capture-dir", captured.toString())
                .redirectError(stderr.toFile()).start();
        Map<String, Fate> fates = new ConcurrentHashMap<>();
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
                clients.submit(() -> send(smtpPort, client, sending, fates));
            }
            while (count(fates, Fate.ACCEPTED) < 200) {
                assertTrue(process.isAlive(), Files.readString(stderr));
                Thread.sleep(20);
            }
            Instant signalledAt = Instant.now();
            long signalled = System.nanoTime();
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "still running 90 s after SIGTERM");
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            sending.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));

            String errors = Files.readString(stderr);
            Matcher undeliveredLine = UNDELIVERED.matcher(errors);
            long lost = undeliveredLine.find() ? Long.parseLong(undeliveredLine.group(1)) : 0;
            Map<String, Integer> copies = new HashMap<>();
            int capturedAfterSignal = 0;
            for (IndexLine line : CapturedFiles.index(captured)) {
                copies.merge(subject(captured.resolve(line.file())), 1, Integer::sum);
                if (!line.time().isBefore(signalledAt)) {
                    capturedAfterSignal++;
                }
            }

            List<String> wrong = new ArrayList<>();
            copies.forEach((subject, count) -> {
                Fate fate = fates.get(subject);
                if (count > 1) {
                    wrong.add(subject + " captured " + count + " times (" + fate + ")");
                }
                if (fate == null || fate == Fate.REFUSED) {
                    wrong.add(subject + " captured, but its client " + (fate == null ? "never sent its DATA"
                            : "was refused"));
                }
            });
            assertEquals(List.of(), wrong, errors);
            long acceptedMissing = missing(fates, copies, Fate.ACCEPTED);
            long inFlightMissing = missing(fates, copies, Fate.IN_FLIGHT);
            String summary = String.format("%d accepted (%d not captured), %d refused, %d in flight (%d not captured),"
                    + " %d captured after SIGTERM, %d reported lost, stopped in %d ms", count(fates, Fate.ACCEPTED),
                    acceptedMissing, count(fates, Fate.REFUSED), count(fates, Fate.IN_FLIGHT), inFlightMissing,
                    capturedAfterSignal, lost, stopMillis);
            assertTrue(lost >= acceptedMissing, "accepted with 250 and neither captured nor counted lost: "
                    + summary + "\n" + errors);
            assertTrue(lost <= acceptedMissing + inFlightMissing + capturedAfterSignal,
                    "more counted lost than can have been: " + summary + "\n" + errors);
            assertTrue(count(fates, Fate.IN_FLIGHT) <= CLIENTS, "one message in flight per client at most: " + summary);
            assertEquals(lost == 0 ? 0 : 3, process.exitValue(), "exit status: " + summary + "\n" + errors);
            assertTrue(stopMillis < 60_000 + 5_000, summary);
            System.err.println("SigtermUnderLoadTest: " + summary);
        } finally {
            sending.set(false);
            clients.shutdownNow();
            process.destroyForcibly();
        }
    }

    private static long count(Map<String, Fate> fates, Fate fate) {
        return fates.values().stream().filter(fate::equals).count();
    }

    private static long missing(Map<String, Fate> fates, Map<String, Integer> copies, Fate fate) {
        return fates.entrySet().stream()
                .filter(entry -> entry.getValue() == fate && !copies.containsKey(entry.getKey())).count();
    }

    private static String subject(Path message) throws IOException {
        Matcher matcher = SUBJECT.matcher(Files.readString(message, StandardCharsets.UTF_8));
        assertTrue(matcher.find(), "no test subject in " + message);
        return matcher.group(1);
    }

    /**
     * Sends until told to stop or the server goes away, and records the fate of every message whose DATA it sent. A
     * reply other than 250 to MAIL or RCPT ends the client before DATA: that message was never sent.
     */
    private static Void send(int port, int client, AtomicBoolean sending, Map<String, Fate> fates) {
        try (SmtpClient smtp = SmtpClient.connect("127.0.0.1", port, Duration.ofSeconds(30))) {
            smtp.command("EHLO client" + client + ".example.com");
            for (int m = 0; sending.get(); m++) {
                if (smtp.command("MAIL FROM:<admin@example.com>").code() != 250
                        || smtp.command("RCPT TO:<friend@remote.example>").code() != 250) {
                    return null;
                }
                String subject = "sigterm-" + client + "-" + m;
                fates.put(subject, Fate.IN_FLIGHT);
                Reply reply = smtp.data(("Subject: " + subject + "\r\n\r\nbody\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                fates.put(subject, reply.code() == 250 ? Fate.ACCEPTED : Fate.REFUSED);
                if (reply.code() != 250) {
                    return null;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The connection dropped: the message whose DATA was under way, if any, stays in flight.
        }
        return null;
    }
}
