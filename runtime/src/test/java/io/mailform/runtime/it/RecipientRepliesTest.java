package io.mailform.runtime.it;

import static io.mailform.runtime.it.Replies.assertReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mailform.runtime.it.Ledger.Place;
import io.mailform.runtime.junit.MailSystem;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.RunningMailSystem;

/**
 * examples/internet-site.yaml answers RCPT as Postfix 3.7.11 answered it for the same description compiled with
 * {@code --target postfix} (Debian's smtpd_relay_restrictions, mynetworks 127.0.0.0/8, local_recipient_maps with
 * /etc/passwd): every expected reply below was measured there. A client outside networks is played with XCLIENT.
 */
@MailSystem("../examples/internet-site.yaml")
class RecipientRepliesTest {
    private static final Ledger LEDGER = new Ledger();
    private static final String OUTSIDE = "203.0.113.9";
    private static final String INSIDE = "127.0.0.1";

    private final RunningMailSystem system;

    RecipientRepliesTest(RunningMailSystem system) {
        this.system = system;
    }

    @AfterAll
    static void everyAcceptedMessageIsInExactlyOnePlace(RunningMailSystem system) throws Exception {
        LEDGER.assertBalanced(system);
    }

    private String rcptFrom(String client, String recipient) throws Exception {
        try (SmtpDialog smtp = SmtpDialog.asClient(system, client)) {
            assertReply("250 2.1.0", smtp.command("MAIL FROM:<someone@remote.test>"));
            return smtp.command("RCPT TO:" + recipient);
        }
    }

    /** Addresses that name, or hide behind a local domain, another destination. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "<friend@remote.test>",
        "<friend%remote.test@example.org>",
        "<remote.test!friend@example.org>",
        "<@example.org:friend@remote.test>",
        "<\"friend@remote.test\"@example.org>",
        "<friend@remote.test@example.org>",
        "<friend@remote.test.>",
        "<friend@[192.0.2.1]>",
    })
    void relayingFromOutsideNetworksIsDeferredHoweverTheAddressHidesIt(String recipient) throws Exception {
        assertReply("454 4.7.1", rcptFrom(OUTSIDE, recipient));
        assertReply("250 2.1.5", rcptFrom(INSIDE, recipient));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "<nobody@example.org>",
        "<www-data@example.org>",
        "<postfix@example.org>",
        "<Alice@EXAMPLE.ORG>",
        "<alice+x@example.org>",
        "<alice>",
        "<alice@mail.example.org.>",
        "<root@example.org>",
        "<mailer-daemon@example.org>",
        "<\"alice\"@example.org>",
        "<example.org!alice@example.org>",
    })
    void localRecipientsAreAcceptedFromAnywhere(String recipient) throws Exception {
        assertReply("250 2.1.5", rcptFrom(OUTSIDE, recipient));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<nosuch@example.org>", "<nosuch+x@example.org>", "<nosuch%example.org@example.org>",
        "<\"john doe\"@example.org>"})
    void anUnknownLocalUserIsRefusedWherever(String recipient) throws Exception {
        assertReply("550 5.1.1", rcptFrom(OUTSIDE, recipient));
        String inside = rcptFrom(INSIDE, recipient);
        assertReply("550 5.1.1", inside);
        assertTrue(inside.endsWith("User unknown in local recipient table"), inside);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<>", "<@>", "<alice@@example.org>", "<a b@example.org>", "<alice@>",
        "<alice@example..org>", "<friend@192.0.2.1>", "<alice@-example.org>", "<alice@example.org"})
    void badAddressSyntax(String recipient) throws Exception {
        assertReply("501 5.1.3", rcptFrom(INSIDE, recipient));
    }

    @Test
    void aHiddenDestinationIsWhereMailFromInsideGoes() throws Exception {
        // Postfix relayed each of these to friend@remote.test.
        List<String> hidden = List.of("<friend%remote.test@example.org>", "<remote.test!friend@example.org>",
            "<@example.org:friend@remote.test>", "<\"friend@remote.test\"@example.org>",
            "<friend@remote.test@example.org>", "<friend@remote.test.>");
        for (String recipient : hidden) {
            MailClient.Sent sent;
            try (SmtpDialog smtp = SmtpDialog.asClient(system, INSIDE)) {
                sent = smtp.send("alice@example.org", MailClient.uniqueSubject("hidden " + recipient), recipient);
            }
            LEDGER.delivered(sent, Place.sink("direct"));
            CapturedMessage captured = Sinks.await(system.directSink(), sent);
            assertEquals(List.of("friend@remote.test"), captured.recipients(), recipient);
        }
    }

    /**
     * Postfix sends mail for friend@[192.0.2.1] to that address literally; James's address type drops the brackets, so
     * the next hop sees friend@192.0.2.1. Documented in runtime/CONFIG.md.
     */
    @Test
    void anAddressLiteralReachesTheNextHopWithoutBrackets() throws Exception {
        MailClient.Sent sent;
        try (SmtpDialog smtp = SmtpDialog.asClient(system, INSIDE)) {
            sent = smtp.send("alice@example.org", MailClient.uniqueSubject("literal"), "<friend@[192.0.2.1]>");
        }
        LEDGER.delivered(sent, Place.sink("direct"));
        assertEquals(List.of("friend@192.0.2.1"), Sinks.await(system.directSink(), sent).recipients());
    }

    @Test
    void systemAccountsKeepTheirMailAsOnADebianHost() throws Exception {
        for (String account : List.of("nobody", "www-data", "postfix")) {
            MailClient.Sent sent;
            try (SmtpDialog smtp = SmtpDialog.asClient(system, OUTSIDE)) {
                sent = smtp.send("someone@remote.test", MailClient.uniqueSubject("to " + account),
                    account + "@example.org");
            }
            LEDGER.delivered(sent, Place.mailbox(account));
            MailClient client = new MailClient(system);
            assertTrue(client.awaitInbox(account, system.password(account), sent.subject()).contains(sent.subject()));
        }
    }

    /** Postfix discards it ("required alias not found: mailer-daemon"): no mailbox, and no bounce to the sender. */
    @Test
    void mailForMailerDaemonWithoutAnAliasIsDiscarded() throws Exception {
        try (SmtpDialog smtp = SmtpDialog.asClient(system, OUTSIDE)) {
            smtp.send("someone@remote.test", MailClient.uniqueSubject("mailer-daemon"), "MAILER-DAEMON@example.org");
        }
        // Not entered in the ledger: the accounting fails on any copy or bounce of it.
    }

    @Test
    void theAccountsAreTheUsersAndTheSystemAccounts() {
        List<String> accounts = system.accounts();
        assertEquals(List.of("alice", "bob"), accounts.subList(0, 2));
        assertTrue(accounts.containsAll(List.of("nobody", "www-data", "postfix", "daemon", "_apt")),
            accounts::toString);
        assertTrue(!accounts.contains("root"), "root has an alias: " + accounts);
    }
}
