package io.mailform.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.mailform.runtime.it.Ledger.Place;
import io.mailform.runtime.junit.MailSystem;
import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.RunningMailSystem;

/**
 * examples/internet-smarthost.yaml: mail.example.com keeps mail for example.com and sends everything else to the
 * smarthost smtp.example.net (port 25, no login). root goes to admin@example.com, a local system account.
 */
@MailSystem("../examples/internet-smarthost.yaml")
class InternetSmarthostExampleTest {
    private static final Ledger LEDGER = new Ledger();
    private static final String SMARTHOST = "smtp.example.net:25";
    private static final Place ADMIN = Place.mailbox("admin");

    private final RunningMailSystem system;
    private final MailClient client;

    InternetSmarthostExampleTest(RunningMailSystem system) {
        this.system = system;
        this.client = new MailClient(system);
    }

    @AfterAll
    static void everyAcceptedMessageIsInExactlyOnePlace(RunningMailSystem system) throws Exception {
        LEDGER.assertBalanced(system);
    }

    @Test
    void theOnlyWayOutIsTheSmarthost() {
        assertEquals(List.of(SMARTHOST), system.sinks().stream().map(CaptureSink::name).toList());
        // root_recipient names admin@example.com in a local domain: Postfix's system account, James's account.
        assertEquals("admin", system.accounts().get(0));
        assertEquals(Accounts.SYSTEM_WITHOUT_ROOT, system.accounts().subList(1, system.accounts().size()));
    }

    @Test
    void mailForOtherDomainsReachesTheSmarthost() throws Exception {
        MailClient.Sent sent = client.send("office@example.com", MailClient.uniqueSubject("smarthost"),
            "friend@remote.example");
        LEDGER.delivered(sent, Place.sink(SMARTHOST));
        CapturedMessage captured = Sinks.await(system.sink(SMARTHOST), sent);
        assertEquals("office@example.com", captured.sender());
        assertEquals(List.of("friend@remote.example"), captured.recipients());
        assertEquals("mail.example.com", captured.helo());
        assertEquals(Optional.empty(), captured.authenticatedAs(), "relay.auth is not set: no SASL");
    }

    @Test
    void localMailStaysLocal() throws Exception {
        MailClient.Sent toAdmin = client.send("friend@remote.example", MailClient.uniqueSubject("admin"),
            "admin@example.com");
        MailClient.Sent toRoot = client.send("friend@remote.example", MailClient.uniqueSubject("root"),
            "root@mail.example.com");
        MailClient.Sent toPostmaster = client.send("friend@remote.example", MailClient.uniqueSubject("postmaster"),
            "postmaster@example.com");
        LEDGER.delivered(toAdmin, ADMIN);
        LEDGER.delivered(toRoot, ADMIN);
        LEDGER.delivered(toPostmaster, ADMIN);
        for (MailClient.Sent sent : List.of(toAdmin, toRoot, toPostmaster)) {
            assertTrue(client.awaitInbox("admin", system.password("admin"), sent.subject()).contains(sent.subject()));
        }
    }
}
