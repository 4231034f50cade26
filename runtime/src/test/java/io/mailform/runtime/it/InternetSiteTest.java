package io.mailform.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mailform.runtime.junit.MailSystem;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.RunningMailSystem;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

/** internet-site: mail.example.org receives for example.org, relays for 127.0.0.1/32 only. */
@MailSystem("systems/internet-site")
class InternetSiteTest {
    private static final String ALICE_PASSWORD = "alice-imap-secret";
    private static final String BOB_PASSWORD = "bob-imap-secret";
    private static final String CAROL_PASSWORD = "carol-imap-secret";

    private final RunningMailSystem system;
    private final MailClient client;

    InternetSiteTest(RunningMailSystem system) {
        this.system = system;
        this.client = new MailClient(system);
    }

    @BeforeEach
    void emptySinks() {
        system.sinks().forEach(sink -> sink.clear());
    }

    @Test
    void localUserReceives() throws Exception {
        String subject = MailClient.uniqueSubject("local");
        client.send("someone@remote.example", subject, "alice@example.org");
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, subject).contains(subject));
        assertFalse(client.inboxSubjects("bob", BOB_PASSWORD).contains(subject));
    }

    @Test
    void everyLocalDomainReachesTheSameUser() throws Exception {
        String subject = MailClient.uniqueSubject("other local domain");
        client.send("someone@remote.example", subject, "bob@mail.example.org");
        assertTrue(client.awaitInbox("bob", BOB_PASSWORD, subject).contains(subject));
    }

    @Test
    void aliasReachesItsTarget() throws Exception {
        String subject = MailClient.uniqueSubject("alias");
        client.send("someone@remote.example", subject, "info@example.org");
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, subject).contains(subject));
    }

    @Test
    void aliasWithTwoTargetsReachesBoth() throws Exception {
        String subject = MailClient.uniqueSubject("team");
        client.send("someone@remote.example", subject, "team@example.org");
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, subject).contains(subject));
        assertTrue(client.awaitInbox("bob", BOB_PASSWORD, subject).contains(subject));
    }

    @Test
    void rootAndPostmasterReachTheRootRecipient() throws Exception {
        String toRoot = MailClient.uniqueSubject("root");
        String toPostmaster = MailClient.uniqueSubject("postmaster");
        client.send("someone@remote.example", toRoot, "root@example.org");
        client.send("someone@remote.example", toPostmaster, "postmaster@example.org");
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, toRoot).contains(toRoot));
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, toPostmaster).contains(toPostmaster));
    }

    @Test
    void extensionReachesTheUser() throws Exception {
        String subject = MailClient.uniqueSubject("extension");
        client.send("someone@remote.example", subject, "bob+tag@example.org");
        List<String> inbox = client.awaitInbox("bob", BOB_PASSWORD, subject);
        assertEquals(1, inbox.stream().filter(subject::equals).count(), "delivered exactly once");
    }

    @Test
    void extensionOfAnAliasReachesTheAliasTarget() throws Exception {
        String subject = MailClient.uniqueSubject("alias extension");
        client.send("someone@remote.example", subject, "info+newsletter@example.org");
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, subject).contains(subject));
    }

    @Test
    void unknownLocalUserIsRefusedAtRcpt() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(system.host(), system.smtpPort())) {
            smtp.command("EHLO client.example");
            assertTrue(smtp.command("MAIL FROM:<someone@remote.example>").startsWith("250"));
            assertTrue(smtp.command("RCPT TO:<nobody@example.org>").startsWith("550"));
            assertTrue(smtp.command("RCPT TO:<nobody+tag@example.org>").startsWith("550"));
            assertTrue(smtp.command("RCPT TO:<alice@example.org>").startsWith("250"));
        }
    }

    @Test
    void unknownLocalUserIsRefusedToAMailClient() {
        SendFailedException refused = assertThrows(SendFailedException.class,
            () -> client.send("someone@remote.example", MailClient.uniqueSubject("unknown"), "nobody@example.org"));
        SMTPAddressFailedException rcpt = (SMTPAddressFailedException) refused.getNextException();
        assertEquals(550, rcpt.getReturnCode());
    }

    @Test
    void clientOutsideNetworksCannotRelay() {
        SendFailedException refused = assertThrows(SendFailedException.class,
            () -> client.sendFrom("127.0.0.2", "someone@example.org", MailClient.uniqueSubject("relay"), "Hi.\r\n",
                "friend@remote.example"));
        SMTPAddressFailedException rcpt = (SMTPAddressFailedException) refused.getNextException();
        assertEquals(5, rcpt.getReturnCode() / 100, rcpt.getMessage());
        assertTrue(system.directSink().messages().isEmpty());
    }

    @Test
    void clientOutsideNetworksStillDeliversLocally() throws Exception {
        String subject = MailClient.uniqueSubject("outside, local");
        client.sendFrom("127.0.0.2", "someone@remote.example", subject, "Hi.\r\n", "alice@example.org");
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, subject).contains(subject));
    }

    @Test
    void clientInsideNetworksRelaysToTheInternet() throws Exception {
        String subject = MailClient.uniqueSubject("relay");
        client.send("alice@example.org", subject, "friend@remote.example");
        List<CapturedMessage> captured = system.directSink().awaitMessages(1, Duration.ofSeconds(20));
        assertEquals(1, captured.size());
        assertEquals("alice@example.org", captured.get(0).sender());
        assertEquals(List.of("friend@remote.example"), captured.get(0).recipients());
        assertTrue(captured.get(0).text().contains(subject));
        assertEquals("mail.example.org", captured.get(0).helo());
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
        client.sendFrom("127.0.0.1", "someone@remote.example", subject, ("y".repeat(998) + "\r\n").repeat(1024), "alice@example.org");
        assertTrue(client.awaitInbox("alice", ALICE_PASSWORD, subject).contains(subject));
    }

    @Test
    void aFullMailboxStopsDeliveryAndTheSenderLearnsIt() throws Exception {
        String body = ("z".repeat(998) + "\r\n").repeat(12);
        String first = MailClient.uniqueSubject("quota first");
        String second = MailClient.uniqueSubject("quota second");
        client.sendFrom("127.0.0.1", "sender@remote.example", first, body, "carol@example.org");
        assertTrue(client.awaitInbox("carol", CAROL_PASSWORD, first).contains(first));
        client.sendFrom("127.0.0.1", "sender@remote.example", second, body, "carol@example.org");

        List<CapturedMessage> bounces = system.directSink().awaitMessages(1, Duration.ofSeconds(20));
        assertEquals(1, bounces.size());
        assertEquals(List.of("sender@remote.example"), bounces.get(0).recipients());
        assertTrue(bounces.get(0).text().contains(second), "the bounce quotes the refused message's subject");
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
