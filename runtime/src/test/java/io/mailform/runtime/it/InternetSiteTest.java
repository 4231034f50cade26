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
 * The hand-written directory systems/internet-site (runtime/CONFIG.md): mail.example.org receives for example.org,
 * relays for 127.0.0.1/32 only. Started as a compiled directory, with the IMAP passwords of its provisioning.json.
 */
@MailSystem("systems/internet-site")
class InternetSiteTest {
    private static final Ledger LEDGER = new Ledger();
    private static final Place ALICE = Place.mailbox("alice");
    private static final Place BOB = Place.mailbox("bob");
    private static final Place CAROL = Place.mailbox("carol");
    private static final Place DIRECT = Place.sink("direct");
    private static final String ALICE_PASSWORD = "alice-imap-secret";
    private static final String BOB_PASSWORD = "bob-imap-secret";
    private static final String CAROL_PASSWORD = "carol-imap-secret";

    private final RunningMailSystem system;
    private final MailClient client;

    InternetSiteTest(RunningMailSystem system) {
        this.system = system;
        this.client = new MailClient(system);
    }

    @AfterAll
    static void everyAcceptedMessageIsInExactlyOnePlace(RunningMailSystem system) throws Exception {
        LEDGER.assertBalanced(system);
    }

    @Test
    void thePasswordsAreThoseOfProvisioning() {
        assertEquals(List.of("alice", "bob", "carol"), system.accounts());
        assertEquals(ALICE_PASSWORD, system.password("alice"));
    }

    @Test
    void localUserReceives() throws Exception {
        String subject = MailClient.uniqueSubject("local");
        LEDGER.delivered(client.send("someone@remote.example", subject, "alice@example.org"), ALICE);
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, subject).contains(subject));
        assertFalse(client.inboxSubjects("bob", BOB_PASSWORD).contains(subject));
    }

    @Test
    void everyLocalDomainReachesTheSameUser() throws Exception {
        String subject = MailClient.uniqueSubject("other local domain");
        LEDGER.delivered(client.send("someone@remote.example", subject, "bob@mail.example.org"), BOB);
        assertTrue(client.awaitInbox("bob", BOB_PASSWORD, subject).contains(subject));
    }

    @Test
    void aliasReachesItsTarget() throws Exception {
        String subject = MailClient.uniqueSubject("alias");
        LEDGER.delivered(client.send("someone@remote.example", subject, "info@example.org"), ALICE);
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, subject).contains(subject));
    }

    @Test
    void aliasWithTwoTargetsReachesBoth() throws Exception {
        String subject = MailClient.uniqueSubject("team");
        LEDGER.delivered(client.send("someone@remote.example", subject, "team@example.org"), ALICE, BOB);
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, subject).contains(subject));
        assertTrue(client.awaitInbox("bob", BOB_PASSWORD, subject).contains(subject));
    }

    @Test
    void rootAndPostmasterReachTheRootRecipient() throws Exception {
        String toRoot = MailClient.uniqueSubject("root");
        String toPostmaster = MailClient.uniqueSubject("postmaster");
        LEDGER.delivered(client.send("someone@remote.example", toRoot, "root@example.org"), ALICE);
        LEDGER.delivered(client.send("someone@remote.example", toPostmaster, "postmaster@example.org"), ALICE);
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, toRoot).contains(toRoot));
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, toPostmaster).contains(toPostmaster));
    }

    @Test
    void extensionReachesTheUser() throws Exception {
        String subject = MailClient.uniqueSubject("extension");
        LEDGER.delivered(client.send("someone@remote.example", subject, "bob+tag@example.org"), BOB);
        List<String> inbox = client.awaitInbox("bob", BOB_PASSWORD, subject);
        assertEquals(1, inbox.stream().filter(subject::equals).count(), "delivered exactly once");
    }

    @Test
    void extensionOfAnAliasReachesTheAliasTarget() throws Exception {
        String subject = MailClient.uniqueSubject("alias extension");
        LEDGER.delivered(client.send("someone@remote.example", subject, "info+newsletter@example.org"), ALICE);
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, subject).contains(subject));
    }

    @Test
    void unknownLocalUserIsRefusedAtRcpt() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(system.host(), system.smtpPort())) {
            smtp.command("EHLO client.example");
            assertTrue(smtp.command("MAIL FROM:<someone@remote.example>").startsWith("250"));
            Replies.assertReply("550 5.1.1", smtp.command("RCPT TO:<nosuch@example.org>"));
            Replies.assertReply("550 5.1.1", smtp.command("RCPT TO:<nosuch+tag@example.org>"));
            assertTrue(smtp.command("RCPT TO:<alice@example.org>").startsWith("250"));
        }
    }

    @Test
    void unknownLocalUserIsRefusedToAMailClient() {
        SendFailedException refused = assertThrows(SendFailedException.class,
            () -> client.send("someone@remote.example", MailClient.uniqueSubject("unknown"), "nosuch@example.org"));
        SMTPAddressFailedException rcpt = (SMTPAddressFailedException) refused.getNextException();
        assertEquals(550, rcpt.getReturnCode());
    }

    @Test
    void clientOutsideNetworksCannotRelay() {
        // Debian's defer_unauth_destination: 454 4.7.1 Relay access denied.
        SendFailedException refused = assertThrows(SendFailedException.class,
            () -> client.sendFrom("127.0.0.2", "someone@example.org", MailClient.uniqueSubject("relay"), "Hi.\r\n",
                "friend@remote.example"));
        SMTPAddressFailedException rcpt = (SMTPAddressFailedException) refused.getNextException();
        Replies.assertReply("454 4.7.1", rcpt.getMessage().trim());
    }

    @Test
    void clientOutsideNetworksStillDeliversLocally() throws Exception {
        String subject = MailClient.uniqueSubject("outside, local");
        LEDGER.delivered(client.sendFrom("127.0.0.2", "someone@remote.example", subject, "Hi.\r\n",
            "alice@example.org"), ALICE);
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, subject).contains(subject));
    }

    @Test
    void clientInsideNetworksRelaysToTheInternet() throws Exception {
        String subject = MailClient.uniqueSubject("relay");
        MailClient.Sent sent = client.send("alice@example.org", subject, "friend@remote.example");
        LEDGER.delivered(sent, DIRECT);
        CapturedMessage captured = Sinks.await(system.directSink(), sent);
        assertEquals("alice@example.org", captured.sender());
        assertEquals(List.of("friend@remote.example"), captured.recipients());
        assertTrue(captured.text().contains(subject));
        assertEquals("mail.example.org", captured.helo());
    }

    @Test
    void oversizeMessageIsRefused() {
        String body = "x".repeat(998) + "\r\n";
        String large = body.repeat(11 * 1024);
        MessagingException refused = assertThrows(MessagingException.class,
            () -> client.sendFrom("127.0.0.1", "someone@remote.example", MailClient.uniqueSubject("large"), large,
                "alice@example.org"));
        assertEquals(552, returnCode(refused), refused.toString());
    }

    @Test
    void messageUnderTheLimitIsAccepted() throws Exception {
        String subject = MailClient.uniqueSubject("under the limit");
        LEDGER.delivered(client.sendFrom("127.0.0.1", "someone@remote.example", subject,
            ("y".repeat(998) + "\r\n").repeat(1024), "alice@example.org"), ALICE);
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, subject).contains(subject));
    }

    @Test
    void aFullMailboxStopsDeliveryAndTheSenderLearnsIt() throws Exception {
        String body = ("z".repeat(998) + "\r\n").repeat(12);
        String first = MailClient.uniqueSubject("quota first");
        String second = MailClient.uniqueSubject("quota second");
        LEDGER.delivered(client.sendFrom("127.0.0.1", "sender@remote.example", first, body, "carol@example.org"),
            CAROL);
        assertTrue(client.awaitInbox("carol", CAROL_PASSWORD, first).contains(first));
        LEDGER.bounced(client.sendFrom("127.0.0.1", "sender@remote.example", second, body, "carol@example.org"),
            DIRECT);

        CapturedMessage bounce = Sinks.awaitMentioning(system.directSink(), second);
        assertEquals(List.of("sender@remote.example"), bounce.recipients());
        assertFalse(client.inboxSubjects("carol", CAROL_PASSWORD).contains(second));
    }

    private static int returnCode(MessagingException e) {
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            if (cause instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
        }
        return -1;
    }
}
