package io.mailform.runtime.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.server.BothServers;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.ServerKind;

/**
 * Postfix's XCLIENT on James and on Postfix, with smtpd_authorized_xclient_hosts = 127.0.0.1, on
 * descriptions/remote-network.yaml: the replies Postfix 3.7.11 gave, who may use it, and what the session is after
 * it. Where relaying follows the address it gives is for the cases, scenarios/remote-network.yaml.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XclientRepliesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String OUTSIDE = "203.0.113.9";
    private static final String ATTRIBUTES = "NAME ADDR PROTO HELO REVERSE_NAME PORT LOGIN DESTADDR DESTPORT";

    private BothServers servers;

    @BeforeAll
    void start() throws StartupException {
        servers = BothServers.start(Path.of("src/test/resources/descriptions/remote-network.yaml"));
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private SmtpClient connect(ServerKind kind) throws Exception {
        MailServer server = servers.get(kind);
        SmtpClient smtp = SmtpClient.connect(server.host(), server.smtpPort(), TIMEOUT);
        assertEquals(250, smtp.command("EHLO client.example").code());
        return smtp;
    }

    static Stream<Arguments> commands() {
        List<String[]> replies = List.of(
            new String[] {"XCLIENT", "501 5.5.4"},
            new String[] {"XCLIENT FOO=bar", "501 5.5.4"},
            new String[] {"XCLIENT ADDR", "501 5.5.4"},
            new String[] {"XCLIENT HELO=", "501 5.5.4"},
            new String[] {"XCLIENT ADDR=203.0.113.9 junk", "501 5.5.4"},
            new String[] {"XCLIENT ADDR=notanaddress", "501 5.5.4"},
            new String[] {"XCLIENT ADDR=999.1.1.1", "501 5.5.4"},
            new String[] {"XCLIENT ADDR=0.1.2.3", "501 5.5.4"},
            new String[] {"XCLIENT ADDR=2001:db8::1", "501 5.5.4"},
            new String[] {"XCLIENT ADDR=[TEMPUNAVAIL]", "501 5.5.4"},
            new String[] {"XCLIENT ADDR=xtext+2B", "501 5.5.4"},
            new String[] {"XCLIENT NAME=bad..name", "501 5.5.4"},
            new String[] {"XCLIENT REVERSE_NAME=-x", "501 5.5.4"},
            new String[] {"XCLIENT PORT=abc", "501 5.5.4"},
            new String[] {"XCLIENT PORT=123456", "501 5.5.4"},
            new String[] {"XCLIENT PROTO=FOO", "501 5.5.4"},
            new String[] {"XCLIENT ADDR=203.0.113.9 NAME=client.example.net", "220"},
            new String[] {"XCLIENT addr=203.0.113.9", "220"},
            new String[] {"XCLIENT ADDR=IPV6:2001:db8::1", "220"},
            new String[] {"XCLIENT ADDR=[UNAVAILABLE] NAME=[UNAVAILABLE]", "220"},
            new String[] {"XCLIENT HELO=a+20b PROTO=ESMTP PORT=70000", "220"},
            new String[] {"XCLIENT LOGIN=alice DESTADDR=1.2.3.4 DESTPORT=25", "220"});
        return Stream.of(ServerKind.values())
            .flatMap(kind -> replies.stream().map(reply -> Arguments.of(kind, reply[0], reply[1])));
    }

    @ParameterizedTest(name = "{0}: {1}: {2}")
    @MethodSource("commands")
    void repliesAsPostfix(ServerKind kind, String command, String expected) throws Exception {
        try (SmtpClient smtp = connect(kind)) {
            assertEquals(expected, smtp.command(command).status());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void onlyAClientAt127001MayUseItAndOnlyItIsToldOfIt(ServerKind kind) throws Exception {
        try (SmtpClient smtp = connect(kind)) {
            assertTrue(smtp.lastLines().stream().anyMatch(line -> line.substring(4).equals("XCLIENT " + ATTRIBUTES)),
                smtp.lastLines()::toString);
            // The address XCLIENT gave is judged from then on: once elsewhere, the client may not use it again.
            assertEquals("220", smtp.command("XCLIENT ADDR=" + OUTSIDE).status());
            smtp.command("EHLO client.example");
            assertFalse(smtp.lastLines().toString().contains("XCLIENT"), smtp.lastLines()::toString);
            assertEquals("550 5.7.0", smtp.command("XCLIENT ADDR=127.0.0.1").status());
        }
        try (SmtpClient smtp = connect(kind)) {
            assertEquals("220", smtp.command("XCLIENT ADDR=127.0.0.1").status());
            assertEquals("220", smtp.command("XCLIENT ADDR=" + OUTSIDE).status());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void notWithinATransaction(ServerKind kind) throws Exception {
        try (SmtpClient smtp = connect(kind)) {
            assertEquals("250 2.1.0", smtp.command("MAIL FROM:<a@remote.test>").status());
            assertEquals("503 5.5.1", smtp.command("XCLIENT ADDR=" + OUTSIDE).status());
            assertEquals("250 2.1.5", smtp.command("RCPT TO:<alice@example.org>").status());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void theSessionStartsAfreshWithTheGreetingAndNeedsNoHelo(ServerKind kind) throws Exception {
        try (SmtpClient smtp = connect(kind)) {
            assertEquals("250 2.1.0", smtp.command("MAIL FROM:<a@remote.test>").status());
            assertEquals("250 2.0.0", smtp.command("RSET").status());
            assertEquals(smtp.greeting(), smtp.command("XCLIENT ADDR=" + OUTSIDE),
                "the 220 greeting of a new connection");
            assertEquals("250 2.1.0", smtp.command("MAIL FROM:<a@remote.test>").status());
        }
    }

    /**
     * The only test of this class whose mail is accepted: it must be the one message the server holds, in alice's
     * mailbox, with a Received header that names the client as XCLIENT gave it.
     */
    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void theStoredMessageNamesTheClientXclientGave(ServerKind kind) throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@client.test>";
        try (SmtpClient smtp = connect(kind)) {
            assertEquals("220", smtp.command("XCLIENT ADDR=" + OUTSIDE + " NAME=client.example.net HELO=helo.example")
                .status());
            assertEquals(250, smtp.command("MAIL FROM:<someone@remote.test>").code());
            assertEquals(250, smtp.command("RCPT TO:<alice@example.org>").code());
            assertEquals(250, smtp.data(("Message-ID: " + messageId + "\r\nSubject: received\r\n\r\nHello.\r\n")
                .getBytes(StandardCharsets.US_ASCII)).code());
        }
        MailServer server = servers.get(kind);
        List<byte[]> stored = awaitOneMessage(server, "alice");
        String text = new String(stored.get(0), StandardCharsets.UTF_8);
        assertTrue(text.contains("Message-ID: " + messageId), text);
        String headers = text.substring(0, text.indexOf("\r\n\r\n")).replaceAll("\r\n[ \t]+", " ");
        String received = headers.lines().filter(line -> line.startsWith("Received:")).findFirst().orElseThrow();
        assertTrue(received.contains("client.example.net") && received.contains("[" + OUTSIDE + "]"), received);
        assertEquals(List.of("alice"), server.accountsWithMail(), "nothing else was delivered");
        assertTrue(server.sinks().stream().map(CaptureSink::messages).allMatch(List::isEmpty), "nothing left");
    }

    /** Local delivery happens after the 250: waits until the server is idle and the mailbox holds the message. */
    private static List<byte[]> awaitOneMessage(MailServer server, String account) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<byte[]> stored = server.mailbox(account);
        while ((stored.isEmpty() || !server.idle()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            stored = server.mailbox(account);
        }
        assertEquals(1, stored.size(), "one message in the mailbox of " + account);
        return stored;
    }
}
