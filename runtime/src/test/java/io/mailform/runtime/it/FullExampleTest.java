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
 * examples/full.yaml: mx1.example.org with an authenticated smarthost (smtp.example.net:587) and two routes,
 * lists.example.org to lists.internal.example.org and partner.example.com to 10.30.0.5:2525 with a login. The relay
 * password is the dummy in examples/secrets/relay.password.
 */
@MailSystem("../examples/full.yaml")
class FullExampleTest {
    private static final Ledger LEDGER = new Ledger();
    private static final String SMARTHOST = "smtp.example.net:587";
    private static final String LISTS = "lists.internal.example.org:25";
    private static final String PARTNER = "10.30.0.5:2525";
    private static final Optional<String> LOGIN = Optional.of("example-org");
    private static final Optional<String> PASSWORD = Optional.of("example-dummy-password");

    private final RunningMailSystem system;
    private final MailClient client;

    FullExampleTest(RunningMailSystem system) {
        this.system = system;
        this.client = new MailClient(system);
    }

    @AfterAll
    static void everyAcceptedMessageIsInExactlyOnePlace(RunningMailSystem system) throws Exception {
        LEDGER.assertBalanced(system);
    }

    @Test
    void eachDestinationHasItsOwnSink() {
        assertEquals(List.of(PARTNER, LISTS, SMARTHOST), system.sinks().stream().map(CaptureSink::name).toList());
    }

    @Test
    void aRoutedDomainReachesItsRoute() throws Exception {
        MailClient.Sent sent = client.send("alice@example.org", MailClient.uniqueSubject("lists"),
            "announce@lists.example.org");
        LEDGER.delivered(sent, Place.sink(LISTS));
        CapturedMessage captured = Sinks.await(system.sink(LISTS), sent);
        assertEquals(List.of("announce@lists.example.org"), captured.recipients());
        assertEquals(Optional.empty(), captured.authenticatedAs(), "this route has no login");
        assertEquals("mx1.example.org", captured.helo());
    }

    @Test
    void aRoutedDomainWithALoginAuthenticates() throws Exception {
        MailClient.Sent sent = client.send("bob@example.org", MailClient.uniqueSubject("partner"),
            "orders@partner.example.com");
        LEDGER.delivered(sent, Place.sink(PARTNER));
        CapturedMessage captured = Sinks.await(system.sink(PARTNER), sent);
        assertEquals(List.of("orders@partner.example.com"), captured.recipients());
        assertEquals(LOGIN, captured.authenticatedAs());
        assertEquals(PASSWORD, captured.authPassword());
    }

    @Test
    void everythingElseGoesToTheSmarthostWithSasl() throws Exception {
        MailClient.Sent sent = client.send("carol@example.org", MailClient.uniqueSubject("smarthost"),
            "friend@remote.example");
        LEDGER.delivered(sent, Place.sink(SMARTHOST));
        CapturedMessage captured = Sinks.await(system.sink(SMARTHOST), sent);
        assertEquals("carol@example.org", captured.sender());
        assertEquals(List.of("friend@remote.example"), captured.recipients());
        assertEquals(LOGIN, captured.authenticatedAs());
        assertEquals(PASSWORD, captured.authPassword());
    }

    @Test
    void oneMessageForARouteAndTheRestIsSplit() throws Exception {
        MailClient.Sent sent = client.send("alice@example.org", MailClient.uniqueSubject("split"),
            "orders@partner.example.com", "friend@remote.example");
        LEDGER.delivered(sent, Place.sink(PARTNER), Place.sink(SMARTHOST));
        assertEquals(List.of("orders@partner.example.com"), Sinks.await(system.sink(PARTNER), sent).recipients());
        assertEquals(List.of("friend@remote.example"), Sinks.await(system.sink(SMARTHOST), sent).recipients());
    }

    @Test
    void localMailStaysLocalAndAliasesMayLeave() throws Exception {
        MailClient.Sent team = client.send("friend@remote.example", MailClient.uniqueSubject("team"),
            "team@example.org");
        LEDGER.delivered(team, Place.mailbox("alice"), Place.mailbox("bob"), Place.mailbox("carol"));
        MailClient.Sent sales = client.send("friend@remote.example", MailClient.uniqueSubject("sales"),
            "sales@example.org");
        LEDGER.delivered(sales, Place.mailbox("carol"), Place.sink(SMARTHOST));
        for (String account : List.of("alice", "bob", "carol")) {
            assertTrue(client.awaitInbox(account, system.password(account), team.subject()).contains(team.subject()));
        }
        assertTrue(client.awaitInbox("carol", system.password("carol"), sales.subject()).contains(sales.subject()));
        assertEquals(List.of("orders@example.com"), Sinks.await(system.sink(SMARTHOST), sales).recipients());
    }

    @Test
    void rootReachesBothAdministrators() throws Exception {
        MailClient.Sent sent = client.send("friend@remote.example", MailClient.uniqueSubject("abuse"),
            "abuse@example.org");
        LEDGER.delivered(sent, Place.mailbox("alice"), Place.mailbox("bob"));
        for (String account : List.of("alice", "bob")) {
            assertTrue(client.awaitInbox(account, system.password(account), sent.subject()).contains(sent.subject()));
        }
    }
}
