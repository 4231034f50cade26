package io.mailform.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.mailform.runtime.it.Ledger.Place;
import io.mailform.runtime.junit.MailSystem;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.RunningMailSystem;

/**
 * examples/internet-site.yaml, compiled for James at start: mail.example.org receives for example.org, delivers to
 * alice and bob, sends everything else by MX lookup (the direct sink). Networks are Debian's default (loopback).
 */
@MailSystem("../examples/internet-site.yaml")
class InternetSiteExampleTest {
    private static final Ledger LEDGER = new Ledger();
    private static final Place ALICE = Place.mailbox("alice");
    private static final Place BOB = Place.mailbox("bob");

    private final RunningMailSystem system;
    private final MailClient client;

    InternetSiteExampleTest(RunningMailSystem system) {
        this.system = system;
        this.client = new MailClient(system);
    }

    @AfterAll
    static void everyAcceptedMessageIsInExactlyOnePlace(RunningMailSystem system) throws Exception {
        LEDGER.assertBalanced(system);
    }

    private List<String> inbox(String account, String subject) throws Exception {
        return client.awaitInbox(account, system.password(account), subject);
    }

    @Test
    void theAccountsAreTheUsersAndTheSystemAccounts() {
        assertEquals(List.of("alice", "bob"), system.accounts().subList(0, 2));
        assertEquals(Accounts.SYSTEM_WITHOUT_ROOT, system.accounts().subList(2, system.accounts().size()));
    }

    @Test
    void aLocalUserReceives() throws Exception {
        MailClient.Sent sent = client.send("someone@remote.example", MailClient.uniqueSubject("local"),
            "alice@example.org");
        LEDGER.delivered(sent, ALICE);
        assertTrue(inbox("alice", sent.subject()).contains(sent.subject()));
    }

    @Test
    void anAliasReachesItsTargets() throws Exception {
        MailClient.Sent hostmaster = client.send("someone@remote.example", MailClient.uniqueSubject("hostmaster"),
            "hostmaster@example.org");
        LEDGER.delivered(hostmaster, ALICE);
        MailClient.Sent webmaster = client.send("someone@remote.example", MailClient.uniqueSubject("webmaster"),
            "webmaster@mail.example.org");
        LEDGER.delivered(webmaster, ALICE, BOB);
        assertTrue(inbox("alice", hostmaster.subject()).contains(hostmaster.subject()));
        assertTrue(inbox("alice", webmaster.subject()).contains(webmaster.subject()));
        assertTrue(inbox("bob", webmaster.subject()).contains(webmaster.subject()));
    }

    @Test
    void rootAndPostmasterReachTheRootRecipient() throws Exception {
        MailClient.Sent root = client.send("someone@remote.example", MailClient.uniqueSubject("root"),
            "root@example.org");
        LEDGER.delivered(root, ALICE);
        MailClient.Sent postmaster = client.send("someone@remote.example", MailClient.uniqueSubject("postmaster"),
            "postmaster@localhost");
        LEDGER.delivered(postmaster, ALICE);
        MailClient.Sent abuse = client.send("someone@remote.example", MailClient.uniqueSubject("abuse"),
            "abuse@example.org");
        LEDGER.delivered(abuse, ALICE);
        assertTrue(inbox("alice", root.subject()).contains(root.subject()));
        assertTrue(inbox("alice", postmaster.subject()).contains(postmaster.subject()));
        assertTrue(inbox("alice", abuse.subject()).contains(abuse.subject()));
    }

    @Test
    void anExtensionReachesTheUser() throws Exception {
        MailClient.Sent sent = client.send("someone@remote.example", MailClient.uniqueSubject("extension"),
            "bob+tag@example.org");
        LEDGER.delivered(sent, BOB);
        List<String> inbox = inbox("bob", sent.subject());
        assertEquals(1, inbox.stream().filter(sent.subject()::equals).count());
    }

    @Test
    void anUnknownLocalUserIsRefusedAtRcpt() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(system.host(), system.smtpPort())) {
            smtp.command("EHLO client.example");
            assertTrue(smtp.command("MAIL FROM:<someone@remote.example>").startsWith("250"));
            Replies.assertReply("550 5.1.1", smtp.command("RCPT TO:<nosuch@example.org>"));
            Replies.assertReply("550 5.1.1", smtp.command("RCPT TO:<nosuch+tag@example.org>"));
            assertTrue(smtp.command("RSET").startsWith("250"));
        }
    }

    @Test
    void aClientInsideNetworksRelaysByMxLookup() throws Exception {
        MailClient.Sent sent = client.send("alice@example.org", MailClient.uniqueSubject("relay"),
            "friend@remote.example");
        LEDGER.delivered(sent, Place.sink("direct"));
        CapturedMessage captured = Sinks.await(system.directSink(), sent);
        assertEquals("alice@example.org", captured.sender());
        assertEquals(List.of("friend@remote.example"), captured.recipients());
        assertEquals("mail.example.org", captured.helo());
    }
}
