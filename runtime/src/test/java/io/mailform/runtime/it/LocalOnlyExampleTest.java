package io.mailform.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.mailform.runtime.it.Ledger.Place;
import io.mailform.runtime.junit.MailSystem;
import io.mailform.runtime.server.RunningMailSystem;

/**
 * examples/local-only.yaml: build.example.net delivers to its local mailbox and sends nothing anywhere. Mail for other
 * domains is accepted from loopback, as Postfix's error transport accepts it, and bounced to its sender.
 */
@MailSystem("../examples/local-only.yaml")
class LocalOnlyExampleTest {
    private static final Ledger LEDGER = new Ledger();
    private static final Place BUILDER = Place.mailbox("builder");

    private final RunningMailSystem system;
    private final MailClient client;

    LocalOnlyExampleTest(RunningMailSystem system) {
        this.system = system;
        this.client = new MailClient(system);
    }

    @AfterAll
    static void everyAcceptedMessageIsInExactlyOnePlace(RunningMailSystem system) throws Exception {
        LEDGER.assertBalanced(system);
    }

    private List<String> builderInbox(String subject) throws Exception {
        return client.awaitInbox("builder", system.password("builder"), subject);
    }

    @Test
    void thereIsNoWayOut() {
        assertEquals(List.of(), system.sinks(), "no RemoteDelivery, so no capture sink");
        assertEquals(List.of("builder"), system.accounts());
    }

    @Test
    void localDeliveryWorks() throws Exception {
        MailClient.Sent direct = client.send("ci@build.example.net", MailClient.uniqueSubject("local"),
            "builder@build.example.net");
        MailClient.Sent extension = client.send("ci@build.example.net", MailClient.uniqueSubject("extension"),
            "builder+nightly@localhost");
        MailClient.Sent root = client.send("ci@build.example.net", MailClient.uniqueSubject("root"),
            "root@build.example.net");
        for (MailClient.Sent sent : List.of(direct, extension, root)) {
            LEDGER.delivered(sent, BUILDER);
            assertTrue(builderInbox(sent.subject()).contains(sent.subject()), sent.subject());
        }
    }

    @Test
    void mailForOtherDomainsIsNotSentAndTheSenderLearnsIt() throws Exception {
        MailClient.Sent sent = client.send("builder@build.example.net", MailClient.uniqueSubject("outbound"),
            "friend@remote.example");
        LEDGER.bounced(sent, BUILDER);
        List<String> subjects = builderInbox("Re: " + sent.subject());
        assertTrue(subjects.contains("Re: " + sent.subject()), "a bounce in the sender's mailbox: " + subjects);
        assertEquals(List.of(), system.sinks());
    }
}
