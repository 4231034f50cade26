package io.mailform.runtime.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.mailform.delivery.Reply;
import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.MailSystemRuntime;
import io.mailform.runtime.server.RunningMailSystem;
import io.mailform.runtime.server.RuntimeOptions;

/**
 * 50 SMTP clients at once, 200 messages each, to local users, an alias of three, the smarthost, a route, and a user
 * that does not exist: every message accepted is found exactly once in each mailbox or sink it was meant for, nothing
 * accepted is lost, every refused one was refused with Postfix's code and is found nowhere, and what stays on the
 * heap afterwards is the mail itself, not the traffic that brought it.
 */
class LoadTest {
    private static final int CLIENTS = 50;
    private static final int MESSAGES = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern TOKEN = Pattern.compile("token: (load-\\d+-\\d+)\r\n");

    /** Where a message goes: its recipient, and the mailboxes or sinks that must hold it once each. */
    private enum Kind {
        LOCAL("alice@example.org", List.of("alice")),
        ALIAS("team@example.org", List.of("alice", "bob", "carol")),
        RELAYED("someone@example.net", List.of("sink smtp.example.net:587")),
        ROUTED("members@lists.example.org", List.of("sink lists.internal.example.org:25")),
        REFUSED("no-such-user@example.org", List.of());

        final String recipient;
        final List<String> places;

        Kind(String recipient, List<String> places) {
            this.recipient = recipient;
            this.places = places;
        }
    }

    @Test
    void everyAcceptedMessageArrivesOnceAndEveryRefusedOneNowhere() throws Exception {
        try (RunningMailSystem system = MailSystemRuntime.start(
                RuntimeOptions.sandboxed(Path.of("../examples/full.yaml")))) {
            long heapBefore = usedHeapAfterCollection();
            Map<String, Kind> accepted = new ConcurrentHashMap<>();
            Map<String, Integer> refusedCodes = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    send(system, client, accepted, refusedCodes);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            clients.shutdown();
            awaitIdle(system);

            Map<String, Map<String, Integer>> found = new TreeMap<>();
            for (String account : List.of("alice", "bob", "carol")) {
                for (byte[] message : system.mailbox(account)) {
                    count(found, account, new String(message, StandardCharsets.UTF_8));
                }
            }
            for (var sink : system.sinks()) {
                for (CapturedMessage message : sink.messages()) {
                    count(found, "sink " + sink.name(), message.text());
                }
            }
            int expectedAccepted = CLIENTS * MESSAGES * 4 / 5;
            assertEquals(expectedAccepted, accepted.size(), "accepted: every message but those to no-such-user");
            assertEquals(CLIENTS * MESSAGES / 5, refusedCodes.size());
            assertEquals(Map.of(550, CLIENTS * MESSAGES / 5), tally(refusedCodes), "refused as Postfix refuses");
            int deliveries = 0;
            for (Map.Entry<String, Kind> message : accepted.entrySet()) {
                for (String place : message.getValue().places) {
                    assertEquals(1, found.getOrDefault(place, Map.of()).getOrDefault(message.getKey(), 0),
                            message.getKey() + " in " + place);
                    deliveries++;
                }
            }
            int total = found.values().stream().mapToInt(tokens -> tokens.values().stream().mapToInt(i -> i).sum())
                    .sum();
            assertEquals(deliveries, total, "nothing arrived where it was not sent, and nothing twice");
            for (String token : refusedCodes.keySet()) {
                found.forEach((place, tokens) -> assertTrue(!tokens.containsKey(token), token + " in " + place));
            }
            long heapAfter = usedHeapAfterCollection();
            long stored = (long) total * 1024;
            assertTrue(heapAfter - heapBefore < 64L * 1024 * 1024 + 8 * stored, "heap grew by "
                    + (heapAfter - heapBefore) / (1024 * 1024) + " MB for " + total + " stored messages");
            System.err.printf("LoadTest: %d messages sent, %d accepted, %d refused, %d deliveries found once each,"
                    + " heap %+d MB%n", CLIENTS * MESSAGES, accepted.size(), refusedCodes.size(), deliveries,
                    (heapAfter - heapBefore) / (1024 * 1024));
        }
    }

    private static void send(RunningMailSystem system, int client, Map<String, Kind> accepted,
            Map<String, Integer> refusedCodes) throws Exception {
        try (SmtpClient smtp = SmtpClient.connect(RunningMailSystem.HOST, system.smtpPort(), TIMEOUT)) {
            expect(220, smtp.greeting());
            expect(250, smtp.command("EHLO client" + client + ".example.com"));
            for (int m = 0; m < MESSAGES; m++) {
                Kind kind = Kind.values()[(client + m) % Kind.values().length];
                String token = "load-" + client + "-" + m;
                expect(250, smtp.command("MAIL FROM:<sender" + client + "@example.com>"));
                Reply rcpt = smtp.command("RCPT TO:<" + kind.recipient + ">");
                if (kind == Kind.REFUSED) {
                    refusedCodes.put(token, rcpt.code());
                    expect(250, smtp.command("RSET"));
                    continue;
                }
                expect(250, rcpt);
                expect(250, smtp.data(message(client, token, kind)));
                accepted.put(token, kind);
            }
            expect(221, smtp.command("QUIT"));
        }
    }

    private static byte[] message(int client, String token, Kind kind) {
        String text = "From: sender" + client + "@example.com\r\nTo: " + kind.recipient + "\r\nSubject: " + token
                + "\r\nMessage-ID: <" + token + "@example.com>\r\n\r\ntoken: " + token + "\r\n"
                + "x".repeat(700) + "\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void expect(int code, Reply reply) {
        assertEquals(code, reply.code(), reply.toString());
    }

    private static void count(Map<String, Map<String, Integer>> found, String place, String message) {
        Matcher matcher = TOKEN.matcher(message);
        while (matcher.find()) {
            found.computeIfAbsent(place, p -> new TreeMap<>()).merge(matcher.group(1), 1, Integer::sum);
        }
    }

    private static Map<Integer, Integer> tally(Map<String, Integer> codes) {
        Map<Integer, Integer> tally = new TreeMap<>();
        codes.values().forEach(code -> tally.merge(code, 1, Integer::sum));
        return tally;
    }

    private static void awaitIdle(RunningMailSystem system) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!system.idle()) {
            assertTrue(System.nanoTime() < deadline, "still delivering after five minutes");
            Thread.sleep(200);
        }
    }

    private static long usedHeapAfterCollection() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
