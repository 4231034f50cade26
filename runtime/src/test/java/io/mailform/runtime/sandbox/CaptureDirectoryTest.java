package io.mailform.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailform.delivery.Reply;
import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.sandbox.CapturedFiles.IndexLine;

/**
 * A capture directory fed by real capture sinks over SMTP: the exact bytes in numbered .eml files, an index line per
 * message that a JSON parser reads back to the envelope, numbering that stays in step under concurrent clients, and
 * clear refusals of a directory that cannot take the mail.
 */
class CaptureDirectoryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final SandboxTls tls = SandboxTls.create();
    private final List<CaptureSink> sinks = new ArrayList<>();

    @TempDir
    Path temporary;

    @AfterEach
    void close() throws IOException {
        for (CaptureSink sink : sinks) {
            sink.close();
        }
    }

    @Test
    void aMessageIsItsExactBytesAndAnIndexLineWithItsEnvelope() throws Exception {
        Path directory = temporary.resolve("captured");
        CaptureSink sink = sink("smtp.example.net:587");
        Instant before = Instant.now();
        try (CaptureDirectory capture = CaptureDirectory.open(directory)) {
            capture.attach(List.of(sink));
            assertEquals(List.of(CaptureDirectory.INDEX), CapturedFiles.names(directory), "an empty index at start");
            // A quote and a backslash in the sender, UTF-8 in a recipient and the body, a dot-stuffed line.
            String sender = "\"odd \\\"quoted\\\" name\"@remote.example";
            String recipient = "jörg@bücher.example";
            byte[] message = "Subject: =?UTF-8?Q?gr=C3=BC=C3=9Fe?=\r\n\r\n.one dot\r\n..two dots\r\nGrüße\r\n"
                .getBytes(StandardCharsets.UTF_8);
            try (SmtpClient smtp = connect(sink)) {
                assertEquals(250, smtp.command("EHLO client.test").code());
                String login = Base64.getEncoder().encodeToString("\0example-org\0secret".getBytes(
                    StandardCharsets.UTF_8));
                assertEquals(235, smtp.command("AUTH PLAIN " + login).code());
                assertEquals(250, smtp.command("MAIL FROM:<" + sender + ">").code());
                assertEquals(250, smtp.command("RCPT TO:<" + recipient + ">").code());
                assertEquals(250, smtp.command("RCPT TO:<second@example.net>").code());
                assertEquals(250, smtp.data(message).code());
            }

            // The 250 came after the file and its line were in place.
            List<IndexLine> index = CapturedFiles.index(directory);
            assertEquals(1, index.size());
            IndexLine line = index.get(0);
            assertEquals("000001-smtp.example.net_587.eml", line.file());
            assertEquals(List.of("000001-smtp.example.net_587.eml", CaptureDirectory.INDEX),
                CapturedFiles.names(directory));
            assertArrayEquals(message, Files.readAllBytes(directory.resolve(line.file())), "dot-unstuffed bytes");
            assertEquals("smtp.example.net:587", line.sink());
            assertEquals(sender, line.mailFrom());
            assertEquals(List.of(recipient, "second@example.net"), line.rcptTo());
            assertEquals(Optional.of("example-org"), line.login());
            assertFalse(line.tls());
            assertEquals("client.test", line.helo());
            assertEquals(message.length, line.size());
            assertFalse(line.time().isBefore(before.minusMillis(1)) || line.time().isAfter(Instant.now()),
                "received during the test: " + line.time());
            assertEquals(List.of("file", "sink", "mail_from", "rcpt_to", "login", "tls", "helo", "size", "time"),
                line.keys());
            String raw = Files.readString(directory.resolve(CaptureDirectory.INDEX), StandardCharsets.UTF_8);
            assertFalse(raw.contains("secret"), "the relay password stays out of the index: " + raw);
            assertTrue(raw.matches("[^\n]*\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"}\n"),
                "one line, in UTC with milliseconds: " + raw);
            CapturedFiles.assertDescribes(directory, line, sink.messages().get(0));
        }
    }

    @Test
    void messagesTheSinkHadBeforeAttachingAreWrittenFirstAndNullSenderIsEmpty() throws Exception {
        CaptureSink sink = sink("direct");
        try (SmtpClient smtp = connect(sink)) {
            send(smtp, "", "first");
        }
        Path directory = temporary.resolve("late");
        try (CaptureDirectory capture = CaptureDirectory.open(directory)) {
            capture.attach(List.of(sink));
            try (SmtpClient smtp = connect(sink)) {
                send(smtp, "someone@example.org", "second");
            }
            List<IndexLine> index = CapturedFiles.index(directory);
            assertEquals(List.of("000001-direct.eml", "000002-direct.eml"),
                index.stream().map(IndexLine::file).toList());
            assertEquals("", index.get(0).mailFrom(), "the null sender");
            assertEquals(Optional.empty(), index.get(0).login());
            for (int i = 0; i < index.size(); i++) {
                CapturedFiles.assertDescribes(directory, index.get(i), sink.messages().get(i));
            }
        }
    }

    @Test
    void concurrentClientsOfSeveralSinksGetEachMessageOnceInStep() throws Exception {
        List<CaptureSink> both = List.of(sink("direct"), sink("10.30.0.5:2525"));
        Path directory = temporary.resolve("concurrent");
        int clients = 8;
        int perClient = 10;
        try (CaptureDirectory capture = CaptureDirectory.open(directory)) {
            capture.attach(both);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int client = 0; client < clients; client++) {
                    CaptureSink sink = both.get(client % 2);
                    int number = client;
                    sent.add(pool.submit(() -> {
                        try (SmtpClient smtp = connect(sink)) {
                            for (int i = 0; i < perClient; i++) {
                                send(smtp, "client" + number + "@example.org", "message " + number + "." + i);
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

            List<IndexLine> index = CapturedFiles.index(directory);
            List<String> files = CapturedFiles.messageFiles(directory);
            assertEquals(clients * perClient, index.size());
            assertEquals(files, index.stream().map(IndexLine::file).toList(), "a line per file, in file order");
            Set<String> subjects = new HashSet<>();
            for (int i = 0; i < index.size(); i++) {
                IndexLine line = index.get(i);
                assertTrue(line.file().startsWith(String.format("%06d-", i + 1)), "numbered without gaps: " + line);
                assertEquals(line.sink().equals("direct") ? "direct" : "10.30.0.5_2525",
                    line.file().substring(7, line.file().length() - ".eml".length()));
                String text = Files.readString(directory.resolve(line.file()), StandardCharsets.UTF_8);
                assertTrue(subjects.add(text), "each message once: " + text);
            }
            for (int client = 0; client < clients; client++) {
                for (int i = 0; i < perClient; i++) {
                    assertTrue(subjects.contains(body("message " + client + "." + i)), client + "." + i);
                }
            }
        }
    }

    @Test
    void aMessageTheDirectoryCannotTakeIsRefusedWith451AndNotKept() throws Exception {
        CaptureSink sink = sink("direct");
        Path directory = temporary.resolve("vanishing");
        try (CaptureDirectory capture = CaptureDirectory.open(directory)) {
            capture.attach(List.of(sink));
            Files.delete(directory.resolve(CaptureDirectory.INDEX));
            Files.delete(directory);
            try (SmtpClient smtp = connect(sink)) {
                assertEquals(250, smtp.command("MAIL FROM:<someone@example.org>").code());
                assertEquals(250, smtp.command("RCPT TO:<friend@example.net>").code());
                Reply reply = smtp.data(body("lost?").getBytes(StandardCharsets.US_ASCII));
                assertEquals(451, reply.code(), reply::toString);
                assertTrue(reply.toString().contains("Cannot keep the message: cannot write " + directory),
                    reply::toString);
            }
            assertEquals(List.of(), sink.messages(), "the sender keeps it, so the sink does not");
        }
    }

    @Test
    void aDirectoryWithFilesIsRefusedAndKeptAsItWas() throws Exception {
        Path directory = Files.createDirectory(temporary.resolve("used"));
        Files.writeString(directory.resolve(CaptureDirectory.INDEX), "{}\n");
        Files.writeString(directory.resolve("000001-direct.eml"), "old");
        StartupException refused = assertThrows(StartupException.class, () -> CaptureDirectory.open(directory));
        assertEquals(directory + ": holds 2 entries (000001-direct.eml, index.jsonl); captured mail goes to a new or "
            + "empty directory, so that it holds this run's mail only: remove them or give another directory",
            refused.getMessage());
        assertEquals("{}\n", Files.readString(directory.resolve(CaptureDirectory.INDEX)));
    }

    @Test
    void aPathThatCannotBeADirectoryIsAClearError() throws Exception {
        Path file = Files.writeString(temporary.resolve("file"), "x");
        StartupException notDirectory = assertThrows(StartupException.class, () -> CaptureDirectory.open(file));
        assertTrue(notDirectory.getMessage().startsWith(file + ": cannot create the directory: "),
            notDirectory.getMessage());
        Path below = file.resolve("captured");
        StartupException underAFile = assertThrows(StartupException.class, () -> CaptureDirectory.open(below));
        assertTrue(underAFile.getMessage().startsWith(below + ": cannot create the directory: "),
            underAFile.getMessage());
    }

    @Test
    void abandoningLeavesNoTraceOfADirectoryItCreated() throws Exception {
        Path created = temporary.resolve("new");
        CaptureDirectory.open(created).abandon();
        assertFalse(Files.exists(created));
        Path existing = Files.createDirectory(temporary.resolve("existing"));
        CaptureDirectory.open(existing).abandon();
        assertEquals(List.of(), CapturedFiles.names(existing), "empty again, and still there");
    }

    @Test
    void sinkNamesBecomeSafeFileNames() {
        assertEquals("direct", CaptureDirectory.safe("direct"));
        assertEquals("smtp.example.net_587", CaptureDirectory.safe("smtp.example.net:587"));
        assertEquals("_2001_db8__1__25", CaptureDirectory.safe("[2001:db8::1]:25"));
        assertEquals("a_b_c", CaptureDirectory.safe("a/b c"));
    }

    private CaptureSink sink(String name) throws IOException {
        CaptureSink sink = CaptureSink.start(name, tls);
        sinks.add(sink);
        return sink;
    }

    private static SmtpClient connect(CaptureSink sink) throws IOException {
        SmtpClient smtp = SmtpClient.connect("127.0.0.1", sink.port(), TIMEOUT);
        assertEquals(220, smtp.greeting().code());
        return smtp;
    }

    private static void send(SmtpClient smtp, String sender, String subject) throws IOException {
        assertEquals(250, smtp.command("MAIL FROM:<" + sender + ">").code());
        assertEquals(250, smtp.command("RCPT TO:<friend@example.net>").code());
        assertEquals(250, smtp.data(body(subject).getBytes(StandardCharsets.US_ASCII)).code());
    }

    private static String body(String subject) {
        return "Subject: " + subject + "\r\n\r\nHi.\r\n";
    }
}
