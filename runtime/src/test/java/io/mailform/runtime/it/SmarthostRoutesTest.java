package io.mailform.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mailform.runtime.junit.MailSystem;
import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.RunningMailSystem;

/**
 * internet-smarthost: mail for other domains goes to smtp.isp.example:587 with SASL, mail for partner.example takes its
 * own route to mx.partner.example:25, mail for mail.example.net stays local; bare addresses get the mail name.
 */
@MailSystem("systems/smarthost-routes")
class SmarthostRoutesTest {
    private static final Duration DELIVERY = Duration.ofSeconds(20);

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

    @BeforeEach
    void emptySinks() {
        system.sinks().forEach(CaptureSink::clear);
    }

    @Test
    void theSandboxHasOneSinkPerDestinationAndNoDirectDelivery() {
        assertEquals(List.of("mx.partner.example:25", "smtp.isp.example:587"),
            system.sinks().stream().map(CaptureSink::name).toList());
    }

    @Test
    void mailForOtherDomainsGoesToTheSmarthostWithSasl() throws Exception {
        String subject = MailClient.uniqueSubject("smarthost");
        client.send("alice@example.net", subject, "friend@remote.example");
        List<CapturedMessage> captured = smarthost.awaitMessages(1, DELIVERY);
        assertEquals(1, captured.size());
        assertEquals("alice@example.net", captured.get(0).sender());
        assertEquals(List.of("friend@remote.example"), captured.get(0).recipients());
        assertEquals(Optional.of("mail.example.net"), captured.get(0).authenticatedAs());
        assertEquals(Optional.of("isp-secret"), captured.get(0).authPassword());
        assertTrue(captured.get(0).text().contains(subject));
        assertTrue(partnerRoute.messages().isEmpty());
    }

    @Test
    void mailForARoutedDomainTakesItsRoute() throws Exception {
        String subject = MailClient.uniqueSubject("route");
        client.send("alice@example.net", subject, "someone@partner.example");
        List<CapturedMessage> captured = partnerRoute.awaitMessages(1, DELIVERY);
        assertEquals(1, captured.size());
        assertEquals(List.of("someone@partner.example"), captured.get(0).recipients());
        assertEquals(Optional.empty(), captured.get(0).authenticatedAs());
        assertTrue(smarthost.messages().isEmpty());
    }

    @Test
    void oneMessageForBothSplitsBetweenTheRouteAndTheSmarthost() throws Exception {
        String subject = MailClient.uniqueSubject("split");
        client.send("alice@example.net", subject, "someone@partner.example", "friend@remote.example");
        List<CapturedMessage> routed = partnerRoute.awaitMessages(1, DELIVERY);
        List<CapturedMessage> relayed = smarthost.awaitMessages(1, DELIVERY);
        assertEquals(1, routed.size());
        assertEquals(List.of("someone@partner.example"), routed.get(0).recipients());
        assertEquals(1, relayed.size());
        assertEquals(List.of("friend@remote.example"), relayed.get(0).recipients());
    }

    @Test
    void localMailStaysLocal() throws Exception {
        String subject = MailClient.uniqueSubject("local");
        client.send("friend@remote.example", subject, "alice@mail.example.net");
        assertTrue(client.awaitInbox("alice", "alice-imap-secret", subject).contains(subject));
        assertTrue(smarthost.messages().isEmpty());
        assertTrue(partnerRoute.messages().isEmpty());
    }

    @Test
    void everyDelimiterCharacterWorks() throws Exception {
        String plus = MailClient.uniqueSubject("plus");
        String minus = MailClient.uniqueSubject("minus");
        client.send("friend@remote.example", plus, "alice+lists@mail.example.net");
        client.send("friend@remote.example", minus, "alice-lists@mail.example.net");
        assertTrue(client.awaitInbox("alice", "alice-imap-secret", plus).contains(plus));
        assertTrue(client.awaitInbox("alice", "alice-imap-secret", minus).contains(minus));
    }

    @Test
    void bareAddressesAreQualifiedWithTheMailName() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(system.host(), system.smtpPort())) {
            smtp.command("EHLO client.example");
            assertTrue(smtp.command("MAIL FROM:<root>").startsWith("250"));
            assertTrue(smtp.command("RCPT TO:<friend@remote.example>").startsWith("250"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            assertTrue(smtp.command("Subject: bare sender\r\n\r\nHi.\r\n.").startsWith("250"));
        }
        List<CapturedMessage> captured = smarthost.awaitMessages(1, DELIVERY);
        assertEquals(1, captured.size());
        assertEquals("root@example.net", captured.get(0).sender());
    }
}
