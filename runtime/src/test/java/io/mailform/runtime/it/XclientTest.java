package io.mailform.runtime.it;

import static io.mailform.runtime.it.Replies.assertReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mailform.runtime.it.Ledger.Place;
import io.mailform.runtime.junit.MailSystem;
import io.mailform.runtime.server.RunningMailSystem;

/**
 * Postfix's XCLIENT on the runtime, on a system whose networks (10.20.0.0/16) hold no loopback address: the replies
 * Postfix 3.7.11 gave with smtpd_authorized_xclient_hosts = 127.0.0.1, and relaying that follows the address XCLIENT
 * gives rather than the connection's.
 */
@MailSystem("descriptions/remote-network.yaml")
class XclientTest {
    private static final Ledger LEDGER = new Ledger();
    private static final String INSIDE = "10.20.1.7";
    private static final String OUTSIDE = "203.0.113.9";
    private static final String XCLIENT_ATTRIBUTES = "NAME ADDR PROTO HELO REVERSE_NAME PORT LOGIN DESTADDR DESTPORT";

    private final RunningMailSystem system;

    XclientTest(RunningMailSystem system) {
        this.system = system;
    }

    @AfterAll
    static void everyAcceptedMessageIsInExactlyOnePlace(RunningMailSystem system) throws Exception {
        LEDGER.assertBalanced(system);
    }

    private SmtpDialog connect() throws Exception {
        SmtpDialog smtp = new SmtpDialog(system.host(), system.smtpPort());
        smtp.command("EHLO client.example");
        return smtp;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "XCLIENT                                            | 501 5.5.4",
        "XCLIENT FOO=bar                                    | 501 5.5.4",
        "XCLIENT ADDR                                       | 501 5.5.4",
        "XCLIENT HELO=                                      | 501 5.5.4",
        "XCLIENT ADDR=203.0.113.9 junk                      | 501 5.5.4",
        "XCLIENT ADDR=notanaddress                          | 501 5.5.4",
        "XCLIENT ADDR=999.1.1.1                             | 501 5.5.4",
        "XCLIENT ADDR=0.1.2.3                               | 501 5.5.4",
        "XCLIENT ADDR=2001:db8::1                           | 501 5.5.4",
        "XCLIENT ADDR=[TEMPUNAVAIL]                         | 501 5.5.4",
        "XCLIENT ADDR=xtext+2B                              | 501 5.5.4",
        "XCLIENT NAME=bad..name                             | 501 5.5.4",
        "XCLIENT REVERSE_NAME=-x                            | 501 5.5.4",
        "XCLIENT PORT=abc                                   | 501 5.5.4",
        "XCLIENT PORT=123456                                | 501 5.5.4",
        "XCLIENT PROTO=FOO                                  | 501 5.5.4",
        "XCLIENT ADDR=203.0.113.9 NAME=client.example.net   | 220",
        "XCLIENT addr=203.0.113.9                           | 220",
        "XCLIENT ADDR=IPV6:2001:db8::1                      | 220",
        "XCLIENT ADDR=[UNAVAILABLE] NAME=[UNAVAILABLE]      | 220",
        "XCLIENT HELO=a+20b PROTO=ESMTP PORT=70000          | 220",
        "XCLIENT LOGIN=alice DESTADDR=1.2.3.4 DESTPORT=25   | 220",
    })
    void repliesAsPostfix(String command, String expected) throws Exception {
        try (SmtpDialog smtp = connect()) {
            assertReply(expected, smtp.command(command));
        }
    }

    @Test
    void onlyAClientAt127001MayUseItAndOnlyItIsToldOfIt() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(system.host(), system.smtpPort())) {
            assertTrue(smtp.commandReply("EHLO client.example").stream()
                .anyMatch(line -> line.substring(4).equals("XCLIENT " + XCLIENT_ATTRIBUTES)));
            // Postfix judges the address XCLIENT gave: once elsewhere, the client may not use it again.
            assertReply("220", smtp.command("XCLIENT ADDR=" + OUTSIDE));
            assertFalse(String.join("\n", smtp.commandReply("EHLO client.example")).contains("XCLIENT"));
            assertReply("550 5.7.0", smtp.command("XCLIENT ADDR=127.0.0.1"));
        }
        try (SmtpDialog smtp = connect()) {
            assertReply("220", smtp.command("XCLIENT ADDR=127.0.0.1"));
            assertReply("220", smtp.command("XCLIENT ADDR=" + OUTSIDE));
        }
    }

    @Test
    void notWithinATransaction() throws Exception {
        try (SmtpDialog smtp = connect()) {
            assertReply("250 2.1.0", smtp.command("MAIL FROM:<a@remote.test>"));
            assertReply("503 5.5.1", smtp.command("XCLIENT ADDR=" + OUTSIDE));
            assertReply("250 2.1.5", smtp.command("RCPT TO:<alice@example.org>"));
        }
    }

    @Test
    void theSessionStartsAfreshAndNeedsNoHelo() throws Exception {
        try (SmtpDialog smtp = connect()) {
            assertReply("250 2.1.0", smtp.command("MAIL FROM:<a@remote.test>"));
            assertReply("250 2.0.0", smtp.command("RSET"));
            String greeting = smtp.command("XCLIENT ADDR=" + OUTSIDE);
            assertEquals(smtp.greeting(), greeting, "the 220 greeting of a new connection");
            assertReply("250 2.1.0", smtp.command("MAIL FROM:<a@remote.test>"));
        }
    }

    @Test
    void relayingFollowsTheGivenAddressNotTheConnection() throws Exception {
        try (SmtpDialog smtp = connect()) {
            assertReply("250 2.1.0", smtp.command("MAIL FROM:<alice@example.org>"));
            assertReply("454 4.7.1", smtp.command("RCPT TO:<friend@remote.test>"));
        }
        MailClient.Sent sent;
        try (SmtpDialog smtp = SmtpDialog.asClient(system, INSIDE)) {
            sent = smtp.send("alice@example.org", MailClient.uniqueSubject("relayed"), "friend@remote.test");
        }
        // The mailet container let it out too: its relay check reads the same session state.
        LEDGER.delivered(sent, Place.sink("direct"));
        assertEquals(List.of("friend@remote.test"), Sinks.await(system.directSink(), sent).recipients());
        try (SmtpDialog smtp = SmtpDialog.asClient(system, "IPV6:::ffff:10.20.3.4")) {
            assertReply("250 2.1.0", smtp.command("MAIL FROM:<alice@example.org>"));
            assertReply("250 2.1.5", smtp.command("RCPT TO:<friend@remote.test>"));
        }
    }

    /** Debian's Postfix has no SASL server: permit_sasl_authenticated grants nothing, whatever LOGIN says. */
    @Test
    void aLoginGrantsNothingWhereTheServerOffersNoAuth() throws Exception {
        try (SmtpDialog smtp = connect()) {
            assertReply("220", smtp.command("XCLIENT ADDR=" + OUTSIDE + " LOGIN=alice"));
            assertReply("250 2.1.0", smtp.command("MAIL FROM:<alice@example.org>"));
            assertReply("454 4.7.1", smtp.command("RCPT TO:<friend@remote.test>"));
        }
    }

    @Test
    void theMessageNamesTheGivenClient() throws Exception {
        MailClient.Sent sent;
        try (SmtpDialog smtp = connect()) {
            assertReply("220", smtp.command("XCLIENT ADDR=" + OUTSIDE + " NAME=client.example.net HELO=helo.example"));
            sent = smtp.send("someone@remote.test", MailClient.uniqueSubject("received"), "alice@example.org");
        }
        LEDGER.delivered(sent, Place.mailbox("alice"));
        MailClient client = new MailClient(system);
        client.awaitInbox("alice", system.password("alice"), sent.subject());
        String text = client.mailbox("alice", system.password("alice")).stream()
            .filter(stored -> stored.messageId().equals(sent.messageId())).findFirst().orElseThrow().text();
        String headers = text.substring(0, text.indexOf("\r\n\r\n")).replaceAll("\r\n[ \t]+", " ");
        String received = headers.lines().filter(line -> line.startsWith("Received:")).findFirst().orElseThrow();
        assertTrue(received.contains("client.example.net") && received.contains("[" + OUTSIDE + "]"), received);
    }
}
