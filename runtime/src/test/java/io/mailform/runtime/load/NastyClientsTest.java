package io.mailform.runtime.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.server.BothServers;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.ServerKind;

/**
 * Clients that misbehave, on James and on a private Postfix started from examples/internet-site.yaml: each gets the
 * reply codes Postfix gives it, measured here on the real Postfix, and the server goes on serving the others. Where
 * James cannot answer as Postfix does, runtime/CONFIG.md ("How SMTP answers") says so, and the test holds James to
 * exactly that documented answer, so that the difference is neither hidden nor allowed to grow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NastyClientsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private BothServers servers;

    /** One misbehaving conversation; returns the code of every reply it read, in order. */
    @FunctionalInterface
    private interface Dialog {
        List<Integer> run(RawSession session, String token) throws IOException;
    }

    @BeforeAll
    void start() throws StartupException {
        servers = BothServers.start(Path.of("../examples/internet-site.yaml"));
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        Map<ServerKind, List<Integer>> codes = onBoth("pipelined", (session, token) -> {
            List<Integer> replies = new ArrayList<>(List.of(session.reply()));
            session.send("EHLO client.example\r\n");
            replies.add(session.reply());
            session.send("MAIL FROM:<p@example.com>\r\nRCPT TO:<alice@example.org>\r\n"
                    + "RCPT TO:<no-such-user@example.org>\r\nDATA\r\n");
            for (int i = 0; i < 4; i++) {
                replies.add(session.reply());
            }
            session.send("Subject: " + token + "\r\n\r\n" + token + "\r\n.\r\nQUIT\r\n");
            replies.add(session.reply());
            replies.add(session.reply());
            return replies;
        });
        assertEquals(List.of(220, 250, 250, 250, 550, 354, 250, 221), codes.get(ServerKind.POSTFIX));
        assertDeliveredOnce("alice", "pipelined");
    }

    @Test
    void bareLineFeedsAfterCommandsAreTakenAsLineEnds() throws Exception {
        onBoth("bare-lf-commands", (session, token) -> List.of(session.reply(),
                sendAndRead(session, "EHLO client.example\n"), sendAndRead(session, "MAIL FROM:<lf@example.com>\n"),
                sendAndRead(session, "RCPT TO:<alice@example.org>\n"), sendAndRead(session, "DATA\n"),
                sendAndRead(session, "Subject: " + token + "\r\n\r\n" + token + "\r\n.\r\n"),
                sendAndRead(session, "QUIT\n")));
        assertDeliveredOnce("alice", "bare-lf-commands");
    }

    @Test
    void bareLineFeedsInTheMessage() throws Exception {
        onBothDocumented("bare-lf-message", (session, token) -> List.of(session.reply(),
                sendAndRead(session, "EHLO client.example\r\n"),
                sendAndRead(session, "MAIL FROM:<lf@example.com>\r\n"),
                sendAndRead(session, "RCPT TO:<alice@example.org>\r\n"), sendAndRead(session, "DATA\r\n"),
                sendAndRead(session, "Subject: " + token + "\nline one\nline two\n" + token + "\r\n.\r\n"),
                sendAndRead(session, "QUIT\r\n")),
                List.of(220, 250, 250, 250, 354, 250, 221), List.of(220, 250, 250, 250, 354, 500, -1));
        assertDeliveredOnce(ServerKind.POSTFIX, "alice", "bare-lf-message");
    }

    @Test
    void overlongCommandsAndAddresses() throws Exception {
        onBoth("overlong-commands", (session, token) -> List.of(session.reply(),
                sendAndRead(session, "EHLO client.example\r\n"),
                sendAndRead(session, "NOOP " + "x".repeat(5000) + "\r\n"),
                sendAndRead(session, "MAIL FROM:<" + "l".repeat(300) + "@example.com>\r\n"),
                sendAndRead(session, "RSET\r\n"), sendAndRead(session, "QUIT\r\n")));
    }

    @Test
    void overlongLinesInTheMessage() throws Exception {
        Dialog dialog = (session, token) -> List.of(session.reply(), sendAndRead(session, "EHLO client.example\r\n"),
                sendAndRead(session, "MAIL FROM:<long@example.com>\r\n"),
                sendAndRead(session, "RCPT TO:<alice@example.org>\r\n"), sendAndRead(session, "DATA\r\n"),
                sendAndRead(session, "Subject: " + token + "\r\n\r\n" + "y".repeat(8000) + "\r\n" + "z".repeat(10_000)
                        + "\r\n" + token + "\r\n.\r\n"));
        onBothDocumented("overlong-message", dialog, List.of(220, 250, 250, 250, 354, 250),
                List.of(220, 250, 250, 250, 354, 500));
        assertDeliveredOnce(ServerKind.POSTFIX, "alice", "overlong-message");
    }

    @Test
    void eightBitAndSmtputf8Addresses() throws Exception {
        Map<ServerKind, List<Integer>> codes = onBoth("utf8", (session, token) -> List.of(session.reply(),
                sendAndRead(session, "EHLO client.example\r\n"),
                sendAndRead(session, "MAIL FROM:<jörg@example.com>\r\n"), sendAndRead(session, "RSET\r\n"),
                sendAndRead(session, "MAIL FROM:<jörg@example.com> SMTPUTF8\r\n"),
                sendAndRead(session, "RCPT TO:<ålice@example.org>\r\n"), sendAndRead(session, "RSET\r\n"),
                sendAndRead(session, "MAIL FROM:<plain@example.com>\r\n"),
                sendAndRead(session, "RCPT TO:<alice@example.org>\r\n"), sendAndRead(session, "DATA\r\n"),
                sendAndRead(session, "Subject: " + token + " größe\r\n\r\n" + token + "\r\n.\r\n"),
                sendAndRead(session, "QUIT\r\n")));
        assertEquals(List.of(220, 250, 250, 250, 250, 550, 250, 250, 250, 354, 250, 221), codes.get(ServerKind.POSTFIX),
                "utf8: Postfix's reply codes, as measured");
        assertDeliveredOnce("alice", "utf8");
    }

    @Test
    void aCommandLineThatIsNotUtf8IsRefusedBeforeItIsRead() throws Exception {
        Map<ServerKind, List<Integer>> codes = onBoth("not-utf8", (session, token) -> List.of(session.reply(),
                sendAndRead(session, "EHLO client.example\r\n"),
                sendAndRead(session, bytes("MAIL FROM:<j", 0xF6, "rg@example.com>\r\n")),
                sendAndRead(session, "MAIL FROM:<plain@example.com>\r\n"),
                sendAndRead(session, bytes("RCPT TO:<", 0xE9, "alice@example.org>\r\n")),
                sendAndRead(session, "RCPT TO:<alice@example.org>\r\n"), sendAndRead(session, "DATA\r\n"),
                sendAndRead(session, "Subject: " + token + "\r\n\r\n" + token + "\r\n.\r\n"),
                sendAndRead(session, "QUIT\r\n")));
        assertEquals(List.of(220, 250, 500, 250, 500, 250, 354, 250, 221), codes.get(ServerKind.POSTFIX),
            "not-utf8: Postfix's reply codes, as measured");
        assertDeliveredOnce("alice", "not-utf8");
    }

    /** Forms the address fuzzer found the servers answering differently, each measured on Postfix. */
    @Test
    void addressFormsTheFuzzerFound() throws Exception {
        Map<ServerKind, List<Integer>> codes = onBoth("fuzzer-forms", (session, token) -> List.of(session.reply(),
                sendAndRead(session, "EHLO client.example\r\n"),
                sendAndRead(session, "MAIL FROM:<-> (note)\r\n"),
                sendAndRead(session, "MAIL FROM:<-x@example.com>\r\n"),
                sendAndRead(session, "MAIL FROM:<x@example.com> (note)\r\n"),
                sendAndRead(session, "MAIL FROM:<x@example.com>\r\n"),
                sendAndRead(session, "RCPT TO:<-alice@example.org>\r\n"),
                sendAndRead(session, "RCPT TO:<li:st@example.org>\r\n"),
                sendAndRead(session, "RCPT TO:<alice@example.org,bob@example.org>\r\n"),
                sendAndRead(session, "RCPT TO:<,alice@example.org>\r\n"),
                sendAndRead(session, "RCPT TO:<alice@example.org>\r\n"),
                sendAndRead(session, "RCPT TO:<ALICE@example.org>\r\n"),
                sendAndRead(session, "RCPT TO:<\"alice\"@example.org>\r\n"), sendAndRead(session, "DATA\r\n"),
                sendAndRead(session, "Subject: " + token + "\r\n\r\n" + token + "\r\n.\r\n"),
                sendAndRead(session, "QUIT\r\n")));
        assertEquals(List.of(220, 250, 501, 501, 555, 250, 501, 550, 501, 250, 250, 250, 250, 354, 250, 221),
            codes.get(ServerKind.POSTFIX), "fuzzer-forms: Postfix's reply codes, as measured");
        // cleanup drops a recipient written again alike, in any case (ALICE@); written otherwise, it is another
        // recipient and another copy (,alice@ and "alice"@).
        for (ServerKind kind : ServerKind.values()) {
            assertEquals(3, copies(kind, "alice", "fuzzer-forms"), kind + ": copies for alice");
        }
    }

    private int copies(ServerKind kind, String account, String name) throws Exception {
        MailServer server = servers.get(kind);
        awaitIdle(server);
        String text = mailboxText(server, account);
        String subject = "Subject: " + name + "-" + kind;
        int count = 0;
        for (int at = text.indexOf(subject); at >= 0; at = text.indexOf(subject, at + 1)) {
            count++;
        }
        return count;
    }

    private static byte[] bytes(String before, int octet, String after) {
        byte[] head = before.getBytes(StandardCharsets.US_ASCII);
        byte[] tail = after.getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, line, 0, head.length);
        line[head.length] = (byte) octet;
        System.arraycopy(tail, 0, line, head.length + 1, tail.length);
        return line;
    }

    @Test
    void aClientThatVanishesInTheMiddleOfDataDeliversNothing() throws Exception {
        onBoth("vanished", (session, token) -> {
            List<Integer> replies = new ArrayList<>(List.of(session.reply(),
                    sendAndRead(session, "EHLO client.example\r\n"),
                    sendAndRead(session, "MAIL FROM:<v@example.com>\r\n"),
                    sendAndRead(session, "RCPT TO:<bob@example.org>\r\n"), sendAndRead(session, "DATA\r\n")));
            session.send("Subject: " + token + "\r\n\r\nhalf a mess");
            return replies;
        });
        for (ServerKind kind : ServerKind.values()) {
            MailServer server = servers.get(kind);
            awaitIdle(server);
            assertFalse(mailboxText(server, "bob").contains("vanished-" + kind), kind + " delivered half a message");
        }
    }

    @Test
    void aClientThatNeverSaysQuitHasItsMessageDelivered() throws Exception {
        onBoth("no-quit", (session, token) -> List.of(session.reply(), sendAndRead(session, "EHLO client.example\r\n"),
                sendAndRead(session, "MAIL FROM:<q@example.com>\r\n"),
                sendAndRead(session, "RCPT TO:<alice@example.org>\r\n"), sendAndRead(session, "DATA\r\n"),
                sendAndRead(session, "Subject: " + token + "\r\n\r\n" + token + "\r\n.\r\n")));
        assertDeliveredOnce("alice", "no-quit");
    }

    @Test
    void aSlowClientDoesNotHoldUpTheOthers() throws Exception {
        for (ServerKind kind : ServerKind.values()) {
            MailServer server = servers.get(kind);
            try (RawSession slow = RawSession.open(server.host(), server.smtpPort(), TIMEOUT)) {
                assertEquals(220, slow.reply());
                CompletableFuture<Integer> trickled = CompletableFuture.supplyAsync(() -> {
                    try {
                        for (byte b : "EHLO slow.example\r\n".getBytes(StandardCharsets.US_ASCII)) {
                            slow.send(new byte[] {b});
                            Thread.sleep(150);
                        }
                        return slow.reply();
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                long start = System.nanoTime();
                try (RawSession quick = RawSession.open(server.host(), server.smtpPort(), TIMEOUT)) {
                    String token = "quick-" + kind;
                    assertEquals(List.of(220, 250, 250, 250, 354, 250, 221), List.of(quick.reply(),
                            sendAndRead(quick, "EHLO quick.example\r\n"),
                            sendAndRead(quick, "MAIL FROM:<quick@example.com>\r\n"),
                            sendAndRead(quick, "RCPT TO:<bob@example.org>\r\n"), sendAndRead(quick, "DATA\r\n"),
                            sendAndRead(quick, "Subject: " + token + "\r\n\r\n" + token + "\r\n.\r\n"),
                            sendAndRead(quick, "QUIT\r\n")));
                }
                long quickMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertFalse(trickled.isDone(), kind + ": the slow client finished first; the test proves nothing");
                assertTrue(quickMillis < 2000, kind + ": a quick client took " + quickMillis + " ms beside a slow one");
                assertEquals(250, trickled.get(30, TimeUnit.SECONDS), kind + ": the slow client's EHLO");
            }
        }
    }

    /** Runs the dialog on both servers; James must give every code Postfix gives. */
    private Map<ServerKind, List<Integer>> onBoth(String name, Dialog dialog) throws IOException {
        Map<ServerKind, List<Integer>> codes = run(name, dialog);
        assertEquals(codes.get(ServerKind.POSTFIX), codes.get(ServerKind.JAMES),
                name + ": James's reply codes, beside Postfix's");
        return codes;
    }

    /**
     * Runs the dialog on both servers, where runtime/CONFIG.md documents that James answers otherwise: Postfix must
     * give the codes measured on it, and James exactly the documented ones.
     */
    private void onBothDocumented(String name, Dialog dialog, List<Integer> postfix, List<Integer> james)
            throws IOException {
        Map<ServerKind, List<Integer>> codes = run(name, dialog);
        assertEquals(postfix, codes.get(ServerKind.POSTFIX), name + ": Postfix's reply codes");
        assertEquals(james, codes.get(ServerKind.JAMES), name + ": James's reply codes, as runtime/CONFIG.md says");
    }

    private Map<ServerKind, List<Integer>> run(String name, Dialog dialog) throws IOException {
        Map<ServerKind, List<Integer>> codes = new EnumMap<>(ServerKind.class);
        for (ServerKind kind : ServerKind.values()) {
            MailServer server = servers.get(kind);
            try (RawSession session = RawSession.open(server.host(), server.smtpPort(), TIMEOUT)) {
                codes.put(kind, dialog.run(session, name + "-" + kind));
            }
        }
        return codes;
    }

    private static int sendAndRead(RawSession session, String text) throws IOException {
        session.send(text);
        return session.reply();
    }

    private static int sendAndRead(RawSession session, byte[] line) throws IOException {
        session.send(line);
        return session.reply();
    }

    private void assertDeliveredOnce(String account, String name) throws Exception {
        for (ServerKind kind : ServerKind.values()) {
            assertDeliveredOnce(kind, account, name);
        }
    }

    private void assertDeliveredOnce(ServerKind kind, String account, String name) throws Exception {
        MailServer server = servers.get(kind);
        awaitIdle(server);
        String text = mailboxText(server, account);
        String token = name + "-" + kind;
        int first = text.indexOf("Subject: " + token);
        assertTrue(first >= 0, kind + ": " + token + " not in " + account + "'s mailbox");
        assertEquals(-1, text.indexOf("Subject: " + token, first + 1), kind + ": " + token + " twice");
    }

    private static String mailboxText(MailServer server, String account) throws IOException {
        StringBuilder text = new StringBuilder();
        for (byte[] message : server.mailbox(account)) {
            text.append(new String(message, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static void awaitIdle(MailServer server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Thread.sleep(300); // a message just accepted may not be queued yet
        while (!server.idle()) {
            assertTrue(System.nanoTime() < deadline, server.kind() + " still delivering after a minute");
            Thread.sleep(200);
        }
    }
}
