package io.mailform.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.mailform.runtime.it.Ledger.Place;
import io.mailform.runtime.junit.MailSystem;
import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.RunningMailSystem;

/**
 * The hand-written directory systems/smarthost-routes (runtime/CONFIG.md), internet-smarthost: mail for other
 * domains goes to smtp.isp.example:587 with SASL, mail for partner.example takes its own route to
 * mx.partner.example:25, mail for mail.example.net stays local; bare addresses get the mail name.
 */
@MailSystem("systems/smarthost-routes")
class SmarthostRoutesTest {
    private static final Ledger LEDGER = new Ledger();
    private static final Place SMARTHOST = Place.sink("smtp.isp.example:587");
    private static final Place PARTNER = Place.sink("mx.partner.example:25");
    private static final Place ALICE = Place.mailbox("alice");

    private final RunningMailSystem system;
    private final MailClient client;
    private final CaptureSink smarthost;
    private final CaptureSink partnerRoute;

    SmarthostRoutesTest(RunningMailSystem system) {
        this.system = system;
        this.client = new MailClient(system);
        this.smarthost = system.sink("smtp.isp.example:587");
        this.partnerRoute = system.sink("mx.partner.example:25");
    }

    @AfterAll
    static void everyAcceptedMessageIsInExactlyOnePlace(RunningMailSystem system) throws Exception {
        LEDGER.assertBalanced(system);
    }

    @Test
    void theSandboxHasOneSinkPerDestinationAndNoDirectDelivery() {
        assertEquals(List.of("mx.partner.example:25", "smtp.isp.example:587"),
            system.sinks().stream().map(CaptureSink::name).toList());
    }

    @Test
    void mailForOtherDomainsGoesToTheSmarthostWithSasl() throws Exception {
        String subject = MailClient.uniqueSubject("smarthost");
        MailClient.Sent sent = client.send("alice@example.net", subject, "friend@remote.example");
        LEDGER.delivered(sent, SMARTHOST);
        CapturedMessage captured = Sinks.await(smarthost, sent);
        assertEquals("alice@example.net", captured.sender());
        assertEquals(List.of("friend@remote.example"), captured.recipients());
        assertEquals(Optional.of("mail.example.net"), captured.authenticatedAs());
        assertEquals(Optional.of("isp-secret"), captured.authPassword());
        assertTrue(captured.text().contains(subject));
    }

    @Test
    void mailForARoutedDomainTakesItsRoute() throws Exception {
        String subject = MailClient.uniqueSubject("route");
        MailClient.Sent sent = client.send("alice@example.net", subject, "someone@partner.example");
        LEDGER.delivered(sent, PARTNER);
        CapturedMessage captured = Sinks.await(partnerRoute, sent);
        assertEquals(List.of("someone@partner.example"), captured.recipients());
        assertEquals(Optional.empty(), captured.authenticatedAs());
    }

    @Test
    void oneMessageForBothSplitsBetweenTheRouteAndTheSmarthost() throws Exception {
        String subject = MailClient.uniqueSubject("split");
        MailClient.Sent sent = client.send("alice@example.net", subject, "someone@partner.example",
            "friend@remote.example");
        LEDGER.delivered(sent, PARTNER, SMARTHOST);
        assertEquals(List.of("someone@partner.example"), Sinks.await(partnerRoute, sent).recipients());
        assertEquals(List.of("friend@remote.example"), Sinks.await(smarthost, sent).recipients());
    }

    @Test
    void localMailStaysLocal() throws Exception {
        String subject = MailClient.uniqueSubject("local");
        LEDGER.delivered(client.send("friend@remote.example", subject, "alice@mail.example.net"), ALICE);
        assertTrue(client.awaitInbox("alice", "alice-imap-secret", subject).contains(subject));
    }

    @Test
    void everyDelimiterCharacterWorks() throws Exception {
        String plus = MailClient.uniqueSubject("plus");
        String minus = MailClient.uniqueSubject("minus");
        LEDGER.delivered(client.send("friend@remote.example", plus, "alice+lists@mail.example.net"), ALICE);
        LEDGER.delivered(client.send("friend@remote.example", minus, "alice-lists@mail.example.net"), ALICE);
        assertTrue(client.awaitInbox("alice", "alice-imap-secret", plus).contains(plus));
        assertTrue(client.awaitInbox("alice", "alice-imap-secret", minus).contains(minus));
    }

    @Test
    void bareAddressesAreQualifiedWithTheMailName() throws Exception {
        MailClient.Sent sent = new MailClient.Sent("<" + UUID.randomUUID() + "@client.test>",
            MailClient.uniqueSubject("bare sender"));
        try (SmtpDialog smtp = new SmtpDialog(system.host(), system.smtpPort())) {
            smtp.command("EHLO client.example");
            assertTrue(smtp.command("MAIL FROM:<root>").startsWith("250"));
            assertTrue(smtp.command("RCPT TO:<friend@remote.example>").startsWith("250"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            assertTrue(smtp.command("Subject: " + sent.subject() + "\r\nMessage-ID: " + sent.messageId()
                + "\r\n\r\nHi.\r\n.").startsWith("250"));
        }
        LEDGER.delivered(sent, SMARTHOST);
        assertEquals("root@example.net", Sinks.await(smarthost, sent).sender());
    }
}
