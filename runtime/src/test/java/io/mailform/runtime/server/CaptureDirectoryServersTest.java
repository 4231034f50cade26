package io.mailform.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.sandbox.CaptureDirectory;
import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedFiles;
import io.mailform.runtime.sandbox.CapturedFiles.IndexLine;
import io.mailform.runtime.sandbox.CapturedMessage;

/**
 * examples/full.yaml on James and on a private Postfix, its sinks writing into a capture directory: mail sent over
 * SMTP that leaves by the smarthost and by each route is, in the directory, the bytes each sink received and an index
 * line with the envelope, login and TLS that the next hop saw; also when several clients send at once.
 */
class CaptureDirectoryServersTest {
    private static final Path FULL = Path.of("../examples/full.yaml");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SMARTHOST = "smtp.example.net:587";
    private static final String PARTNER = "10.30.0.5:2525";
    private static final String LISTS = "lists.internal.example.org:25";
    /** Recipient, and the sink full.yaml sends its mail to. */
    private static final Map<String, String> DESTINATIONS = Map.of(
        "friend@remote.example", SMARTHOST,
        "orders@partner.example.com", PARTNER,
        "announce@lists.example.org", LISTS);

    @TempDir
    Path temporary;

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void mailLeavingBySmarthostAndRoutesIsInTheDirectory(ServerKind kind) throws Exception {
        Path directory = temporary.resolve("captured");
        try (MailServer server = TestServers.start(kind, FULL);
                CaptureDirectory capture = CaptureDirectory.open(directory)) {
            capture.attach(server.sinks());
            try (SmtpClient smtp = connect(server)) {
                send(smtp, "alice@example.org", "friend@remote.example", "to the smarthost");
                send(smtp, "bob@example.org", "orders@partner.example.com", "to a route with a login");
                send(smtp, "carol@example.org", "announce@lists.example.org", "to a route without");
            }

            List<IndexLine> index = CapturedFiles.awaitIndex(directory, 3, TIMEOUT);
            assertEquals(3, index.size(), () -> "three messages left: " + index);
            assertEquals(CapturedFiles.messageFiles(directory), index.stream().map(IndexLine::file).toList());
            for (IndexLine line : index) {
                CapturedMessage captured = onlyMessage(server.sink(line.sink()));
                CapturedFiles.assertDescribes(directory, line, captured);
                assertEquals(DESTINATIONS.get(line.rcptTo().get(0)), line.sink(), line::toString);
                String text = Files.readString(directory.resolve(line.file()), StandardCharsets.UTF_8);
                assertTrue(text.contains("\r\n.a line that starts with a dot\r\n"), "dot-unstuffed:\n" + text);
                assertEquals("mx1.example.org", line.helo());
            }
            IndexLine smarthost = lineOf(index, SMARTHOST);
            assertEquals("alice@example.org", smarthost.mailFrom());
            assertEquals(Optional.of("example-org"), smarthost.login());
            assertTrue(smarthost.tls(), "tls: encrypt");
            assertTrue(smarthost.file().matches("00000[123]-smtp\\.example\\.net_587\\.eml"), smarthost.file());
            assertEquals(Optional.of("example-org"), lineOf(index, PARTNER).login());
            assertEquals(Optional.empty(), lineOf(index, LISTS).login());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void concurrentClientsGetEveryMessageExactlyOnce(ServerKind kind) throws Exception {
        Path directory = temporary.resolve("concurrent");
        int clients = 4;
        int perClient = 6;
        List<String> recipients = List.copyOf(DESTINATIONS.keySet());
        try (MailServer server = TestServers.start(kind, FULL);
                CaptureDirectory capture = CaptureDirectory.open(directory)) {
            capture.attach(server.sinks());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int client = 0; client < clients; client++) {
                    int number = client;
                    sent.add(pool.submit(() -> {
                        try (SmtpClient smtp = connect(server)) {
                            for (int i = 0; i < perClient; i++) {
                                send(smtp, "alice@example.org", recipients.get((number + i) % recipients.size()),
                                    "message " + number + "." + i);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }

            int total = clients * perClient;
            List<IndexLine> index = CapturedFiles.awaitIndex(directory, total, TIMEOUT);
            assertEquals(total, index.size(), () -> "every message: " + index);
            assertEquals(CapturedFiles.messageFiles(directory), index.stream().map(IndexLine::file).toList(),
                "a line per file, in the order of the file names");
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < total; i++) {
                assertTrue(index.get(i).file().startsWith(String.format("%06d-", i + 1)), index.get(i)::toString);
                String text = Files.readString(directory.resolve(index.get(i).file()), StandardCharsets.UTF_8);
                String subject = text.lines().filter(header -> header.startsWith("Subject: ")).findFirst()
                    .orElseThrow();
                seen.merge(subject, 1, Integer::sum);
            }
            for (int client = 0; client < clients; client++) {
                for (int i = 0; i < perClient; i++) {
                    assertEquals(1, seen.get("Subject: message " + client + "." + i), client + "." + i);
                }
            }
            // Each sink wrote its messages in the order it received them.
            for (CaptureSink sink : server.sinks()) {
                List<IndexLine> lines = index.stream().filter(line -> line.sink().equals(sink.name())).toList();
                List<CapturedMessage> messages = sink.messages();
                assertEquals(messages.size(), lines.size(), sink::toString);
                for (int i = 0; i < lines.size(); i++) {
                    CapturedFiles.assertDescribes(directory, lines.get(i), messages.get(i));
                }
            }
        }
    }

    private static SmtpClient connect(MailServer server) throws IOException {
        SmtpClient smtp = SmtpClient.connect(server.host(), server.smtpPort(), Duration.ofSeconds(30));
        assertEquals(220, smtp.greeting().code());
        assertEquals(250, smtp.command("EHLO client.example.org").code());
        return smtp;
    }

    /** From 127.0.0.1, which full.yaml's networks allow to relay. */
    private static void send(SmtpClient smtp, String sender, String recipient, String subject) throws IOException {
        assertEquals(250, smtp.command("MAIL FROM:<" + sender + ">").code());
        assertEquals(250, smtp.command("RCPT TO:<" + recipient + ">").code(), smtp.lastLines()::toString);
        String message = "From: " + sender + "\r\nTo: " + recipient + "\r\nSubject: " + subject + "\r\n\r\n"
            + "Hi.\r\n.a line that starts with a dot\r\n";
        assertEquals(250, smtp.data(message.getBytes(StandardCharsets.US_ASCII)).code(), smtp.lastLines()::toString);
    }

    private static CapturedMessage onlyMessage(CaptureSink sink) {
        List<CapturedMessage> messages = sink.messages();
        assertEquals(1, messages.size(), sink::toString);
        return messages.get(0);
    }

    private static IndexLine lineOf(List<IndexLine> index, String sink) {
        return index.stream().filter(line -> line.sink().equals(sink)).findFirst().orElseThrow(
            () -> new AssertionError("no line of " + sink + ": " + index));
    }
}
