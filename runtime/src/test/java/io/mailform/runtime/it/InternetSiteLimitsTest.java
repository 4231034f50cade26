package io.mailform.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.mailform.runtime.it.Ledger.Place;
import io.mailform.runtime.junit.MailSystem;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.RunningMailSystem;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

/**
 * internet-site with networks [127.0.0.1/32], message_size_limit 100KiB and mailbox_size_limit 250KiB
 * (descriptions/internet-site-limits.yaml): who may relay, and what the limits refuse.
 */
@MailSystem("descriptions/internet-site-limits.yaml")
class InternetSiteLimitsTest {
    private static final Ledger LEDGER = new Ledger();
    private static final String OUTSIDE = "127.0.0.2";
    private static final String INSIDE = "127.0.0.1";
    private static final int KIB = 1024;

    private final RunningMailSystem system;
    private final MailClient client;

    InternetSiteLimitsTest(RunningMailSystem system) {
        this.system = system;
        this.client = new MailClient(system);
    }

    @AfterAll
    static void everyAcceptedMessageIsInExactlyOnePlace(RunningMailSystem system) throws Exception {
        LEDGER.assertBalanced(system);
    }

    /** A body of about {@code size} bytes in lines of 1000 bytes with their CRLF. */
    private static String body(int size) {
        return ("x".repeat(998) + "\r\n").repeat(Math.max(1, size / 1000));
    }

    @Test
    void aClientOutsideNetworksCannotRelay() {
        SendFailedException refused = assertThrows(SendFailedException.class, () -> client.sendFrom(OUTSIDE,
            "someone@example.org", MailClient.uniqueSubject("outside relay"), "Hi.\r\n", "friend@remote.example"));
        SMTPAddressFailedException rcpt = (SMTPAddressFailedException) refused.getNextException();
        Replies.assertReply("454 4.7.1", rcpt.getMessage().trim());
    }

    @Test
    void aClientOutsideNetworksStillReachesLocalUsers() throws Exception {
        MailClient.Sent sent = client.sendFrom(OUTSIDE, "someone@remote.example",
            MailClient.uniqueSubject("outside local"), "Hi.\r\n", "carol@example.org");
        LEDGER.delivered(sent, Place.mailbox("carol"));
        assertTrue(client.awaitInbox("carol", system.password("carol"), sent.subject()).contains(sent.subject()));
    }

    @Test
    void aClientInsideNetworksRelaysWithTheRightEnvelope() throws Exception {
        MailClient.Sent sent = client.sendFrom(INSIDE, "alice@example.org", MailClient.uniqueSubject("inside relay"),
            "Hi.\r\n", "friend@remote.example", "other@elsewhere.example");
        LEDGER.delivered(sent, Place.sink("direct"));
        CapturedMessage captured = Sinks.await(system.directSink(), sent);
        assertEquals("alice@example.org", captured.sender());
        assertEquals(List.of("friend@remote.example", "other@elsewhere.example"),
            captured.recipients().stream().sorted().toList());
    }

    @Test
    void messageSizeLimitRefusesAnOversizeMessage() {
        MessagingException refused = assertThrows(MessagingException.class, () -> client.sendFrom(INSIDE,
            "someone@remote.example", MailClient.uniqueSubject("oversize"), body(110 * KIB), "alice@example.org"));
        assertEquals(552, returnCode(refused), refused.toString());
        // Postfix: 552 5.3.4 Error: message file too big.
        assertTrue(refused.toString().contains("552 5.3.4"), refused.toString());
    }

    /** Postfix: 552 5.3.4 Message size exceeds fixed limit, for a SIZE announced over message_size_limit. */
    @Test
    void anAnnouncedSizeOverTheLimitIsRefusedAtMail() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(system.host(), system.smtpPort())) {
            smtp.command("EHLO client.example");
            Replies.assertReply("552 5.3.4",
                smtp.command("MAIL FROM:<someone@remote.example> SIZE=" + (100 * KIB + 1)));
            Replies.assertReply("250 2.1.0", smtp.command("MAIL FROM:<someone@remote.example> SIZE=" + 100 * KIB));
        }
    }

    @Test
    void aMessageJustUnderTheLimitIsAccepted() throws Exception {
        MailClient.Sent sent = client.sendFrom(INSIDE, "someone@remote.example", MailClient.uniqueSubject("under"),
            body(90 * KIB), "alice@example.org");
        LEDGER.delivered(sent, Place.mailbox("alice"));
        assertTrue(client.awaitInbox("alice", system.password("alice"), sent.subject()).contains(sent.subject()));
    }

    @Test
    void mailboxSizeLimitStopsDeliveryIntoAFullMailbox() throws Exception {
        String carol = system.password("carol");
        // Two messages of 90 KiB fit into 250 KiB; a third would not: it is bounced to its sender.
        for (int i = 1; i <= 2; i++) {
            MailClient.Sent sent = client.sendFrom(INSIDE, "sender@remote.example",
                MailClient.uniqueSubject("fits " + i), body(90 * KIB), "carol@example.org");
            LEDGER.delivered(sent, Place.mailbox("carol"));
            assertTrue(client.awaitInbox("carol", carol, sent.subject()).contains(sent.subject()));
        }
        MailClient.Sent overflow = client.sendFrom(INSIDE, "sender@remote.example",
            MailClient.uniqueSubject("overflow"), body(90 * KIB), "carol@example.org");
        LEDGER.bounced(overflow, Place.sink("direct"));
        CapturedMessage bounce = Sinks.awaitMentioning(system.directSink(), overflow.subject());
        assertEquals(List.of("sender@remote.example"), bounce.recipients());
        // Postfix's local(8) bounces with a delivery status notification of status 5.2.2 (mailbox full).
        assertTrue(bounce.text().contains("Status: 5.2.2"), bounce.text());
        assertEquals("", bounce.sender(), "a bounce has the null sender");
        assertFalse(client.inboxSubjects("carol", carol).contains(overflow.subject()));
    }

    private static int returnCode(MessagingException e) {
        for (Exception cause = e; cause != null;
                cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            if (cause instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
        }
        return -1;
    }
}
