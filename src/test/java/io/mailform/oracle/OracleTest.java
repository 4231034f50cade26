package io.mailform.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.delivery.Arrival;
import io.mailform.delivery.Reply;
import io.mailform.emit.ExampleFiles;
import io.mailform.model.IpAddress;
import io.mailform.model.MailSystem;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The oracle against what a private Postfix 3.7.11 answered for the same compiled examples (internet-site with
 * networks 127.0.0.0/8, satellite, local-only): replies by code and enhanced status, and where the copies went.
 */
class OracleTest {
    private static final IpAddress INSIDE = IpAddress.parse("127.0.0.1").orElseThrow();
    private static final IpAddress OUTSIDE = IpAddress.parse("203.0.113.9").orElseThrow();

    static MailSystem example(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(ExampleFiles.DIRECTORY.resolve(name + ".yaml"));
        return system(name + ".yaml", bytes);
    }

    static MailSystem yaml(String text) {
        return system("test.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    private static MailSystem system(String name, byte[] bytes) {
        Validation validation = new Pipeline().validate(name, bytes);
        assertFalse(validation.hasErrors(), () -> validation.diagnostics().toString());
        return validation.mailSystem().orElseThrow();
    }

    private static Prediction send(Oracle oracle, IpAddress client, String sender, String... recipients) {
        return oracle.predict(new Envelope(Client.at(client), sender, List.of(recipients), 2_000),
                new MailboxUsage());
    }

    private static String status(Prediction prediction) {
        return prediction.outcome().rcpt().get(0).status();
    }

    @ParameterizedTest
    @ValueSource(strings = {"friend@remote.test", "friend%remote.test@example.org", "remote.test!friend@example.org",
        "@example.org:friend@remote.test", "\"friend@remote.test\"@example.org", "friend@remote.test@example.org",
        "friend@remote.test."})
    void everyRelayTrickFromOutsideIsDeferredWith454(String recipient) throws IOException {
        Prediction prediction = send(new Oracle(example("internet-site")), OUTSIDE, "someone@remote.example",
                recipient);
        assertEquals("454 4.7.1", status(prediction));
        assertTrue(prediction.outcome().arrivals().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"friend@remote.test", "friend%remote.test@example.org", "remote.test!friend@example.org",
        "@example.org:friend@remote.test", "\"friend@remote.test\"@example.org", "friend@remote.test@example.org",
        "friend@remote.test."})
    void everyRelayTrickFromInsideLeavesForFriendAtRemote(String recipient) throws IOException {
        Prediction prediction = send(new Oracle(example("internet-site")), INSIDE, "someone@remote.example",
                recipient);
        assertEquals("250 2.1.5", status(prediction));
        assertEquals(List.of(Arrival.inSink(Arrival.Kind.MESSAGE, "direct", "friend@remote.test", Optional.empty(),
                true)), prediction.outcome().arrivals());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nobody@example.org", "www-data@example.org", "postfix@example.org", "Alice@EXAMPLE.ORG",
        "alice+x@example.org", "alice", "alice@localhost", "alice@mail.example.org.", "root@example.org",
        "mailer-daemon@example.org"})
    void localRecipientsAreAcceptedFromOutside(String recipient) throws IOException {
        assertEquals("250 2.1.5", status(send(new Oracle(example("internet-site")), OUTSIDE, "a@remote.example",
                recipient)));
    }

    /** Measured: smtpd refuses what it cannot read, and domains that are no host name, before any restriction. */
    @ParameterizedTest
    @ValueSource(strings = {"", "@", "a b@x", "a@", "a@192.0.2.1"})
    void anAddressOfBadSyntaxIsRefusedWith501(String recipient) throws IOException {
        assertEquals("501 5.1.3", status(send(new Oracle(example("internet-site")), OUTSIDE, "a@remote.example",
                recipient)));
    }

    /** Measured on Postfix 3.7: routing in the address that resolves back into a local domain is no relaying. */
    @Test
    void routingBackIntoALocalDomainIsNoRelaying() throws IOException {
        Oracle oracle = new Oracle(example("internet-site"));
        Prediction bang = send(oracle, OUTSIDE, "someone@remote.test", "example.org!alice@example.org");
        assertEquals("250 2.1.5", status(bang));
        assertEquals(List.of(Arrival.inMailbox(Arrival.Kind.MESSAGE, "alice")), bang.outcome().arrivals());
        assertEquals("550 5.1.1", status(send(oracle, OUTSIDE, "someone@remote.test",
                "nosuch%example.org@example.org")));
    }

    @Test
    void theRestrictionListsOfThePassthroughDecideRelaying() {
        Oracle oracle = new Oracle(yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.org
                mail_name: example.org
                postfix:
                  smtpd_relay_restrictions: permit_mynetworks reject_unauth_destination
                """));
        Prediction stranger = send(oracle, OUTSIDE, "a@remote.test", "friend@remote.test");
        assertEquals("554 5.7.1", status(stranger));
        assertTrue(stranger.isCertain(), stranger.uncertainties().toString());
        Oracle lookup = new Oracle(yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.org
                mail_name: example.org
                postfix:
                  smtpd_relay_restrictions: permit_mynetworks check_client_access hash:/etc/postfix/x defer_unauth_destination
                """));
        assertFalse(send(lookup, OUTSIDE, "a@remote.test", "friend@remote.test").isCertain());
    }

    /** cleanup keeps one copy of a recipient written alike twice, in any case; one written otherwise is another. */
    @Test
    void aRecipientGivenAgainInTheTransactionGetsOneCopy() throws IOException {
        Prediction prediction = send(new Oracle(example("internet-site")), OUTSIDE, "someone@remote.test",
                "alice@example.org", "ALICE@example.org", "<alice@example.org>", "\"alice\"@example.org");
        assertEquals(List.of("250 2.1.5", "250 2.1.5", "250 2.1.5", "250 2.1.5"),
                prediction.outcome().rcpt().stream().map(Reply::status).toList());
        assertEquals(List.of(Arrival.inMailbox(Arrival.Kind.MESSAGE, "alice"),
                Arrival.inMailbox(Arrival.Kind.MESSAGE, "alice")), prediction.outcome().arrivals());
    }

    @Test
    void mailForMailerDaemonWithoutAnAliasIsDiscarded() throws IOException {
        Prediction prediction = send(new Oracle(example("internet-site")), OUTSIDE, "someone@remote.test",
                "MAILER-DAEMON@example.org");
        assertTrue(prediction.outcome().accepted());
        assertEquals(List.of(), prediction.outcome().arrivals());
    }

    @Test
    void anIpv4MappedClientIsJudgedByItsIpv4Address() throws IOException {
        Prediction prediction = send(new Oracle(example("internet-site")),
                IpAddress.parse("::ffff:127.0.0.5").orElseThrow(), "a@example.org", "friend@remote.test");
        assertEquals("250 2.1.5", status(prediction));
    }

    @Test
    void anUnknownLocalUserIsRefusedWith550() throws IOException {
        Oracle oracle = new Oracle(example("internet-site"));
        assertEquals("550 5.1.1", status(send(oracle, OUTSIDE, "a@remote.example", "nosuch@example.org")));
        assertEquals("550 5.1.1", status(send(oracle, INSIDE, "a@remote.example", "nosuch+x@example.org")));
    }

    @Test
    void anAliasWithAnExtensionReachesEachTargetOnce() throws IOException {
        Prediction prediction = send(new Oracle(example("internet-site")), OUTSIDE, "a@remote.example",
                "webmaster+x@example.org");
        assertEquals(List.of(Arrival.inMailbox(Arrival.Kind.MESSAGE, "alice"),
                Arrival.inMailbox(Arrival.Kind.MESSAGE, "bob")), prediction.outcome().arrivals());
    }

    @Test
    void aUserNamedDirectlyAndThroughAnAliasGetsTwoCopies() throws IOException {
        Prediction prediction = send(new Oracle(example("internet-site")), OUTSIDE, "a@remote.example",
                "alice@example.org", "hostmaster@example.org");
        assertEquals(2, prediction.outcome().arrivals().size(), prediction.outcome().arrivals().toString());
    }

    @Test
    void localOnlyRefusesOtherDomainsAtRcpt() throws IOException {
        Oracle oracle = new Oracle(example("local-only"));
        assertEquals("550 5.1.1", status(send(oracle, INSIDE, "ci@build.example.net", "friend@remote.example")));
        assertEquals("454 4.7.1", status(send(oracle, OUTSIDE, "ci@build.example.net", "friend@remote.example")));
        assertEquals("250 2.1.5", status(send(oracle, OUTSIDE, "ci@build.example.net", "builder@build.example.net")));
    }

    @Test
    void aSatelliteSendsItsOwnDomainAndRootToTheHub() throws IOException {
        Oracle oracle = new Oracle(example("satellite"));
        assertEquals("454 4.7.1", status(send(oracle, OUTSIDE, "cron", "alice@example.com")));
        assertEquals("250 2.1.5", status(send(oracle, OUTSIDE, "cron", "root@web1.example.com")));
        Prediction root = send(oracle, INSIDE, "cron", "root@web1.example.com");
        assertEquals(List.of(Arrival.inSink(Arrival.Kind.MESSAGE, "hub.example.com:25", "ops@example.com",
                Optional.empty(), true)), root.outcome().arrivals());
        Prediction postmaster = send(oracle, INSIDE, "cron", "postmaster@localhost");
        assertEquals("root@example.com", postmaster.outcome().arrivals().get(0).recipient());
    }

    @Test
    void aRouteWithALoginLeavesThroughItsOwnSink() throws IOException {
        Prediction prediction = send(new Oracle(example("full")), INSIDE, "alice@example.org",
                "someone@partner.example.com", "friend@remote.example", "list@lists.example.org");
        assertEquals(List.of(
                Arrival.inSink(Arrival.Kind.MESSAGE, "10.30.0.5:2525", "someone@partner.example.com",
                        Optional.of("example-org"), true),
                Arrival.inSink(Arrival.Kind.MESSAGE, "lists.internal.example.org:25", "list@lists.example.org",
                        Optional.empty(), true),
                Arrival.inSink(Arrival.Kind.MESSAGE, "smtp.example.net:587", "friend@remote.example",
                        Optional.of("example-org"), true)), prediction.outcome().arrivals());
    }

    /** propagate_unmatched_extensions is "canonical, virtual" by default: aliases do not pass the extension on. */
    @Test
    void anAliasMatchedWithoutItsExtensionDoesNotPassItOn() throws IOException {
        Prediction prediction = send(new Oracle(example("full")), OUTSIDE, "customer@remote.example",
                "sales+x@example.org");
        assertEquals("orders@example.com", prediction.outcome().arrivals().get(1).recipient());
    }

    @Test
    void anAliasToARemoteAddressForwardsItThroughTheSmarthost() throws IOException {
        Prediction prediction = send(new Oracle(example("full")), OUTSIDE, "customer@remote.example",
                "sales@example.org");
        assertEquals(List.of(Arrival.inMailbox(Arrival.Kind.MESSAGE, "carol"),
                Arrival.inSink(Arrival.Kind.MESSAGE, "smtp.example.net:587", "orders@example.com",
                        Optional.of("example-org"), true)), prediction.outcome().arrivals());
    }

    /** Measured: smtpd finds www-data in the password file, local(8) looks up www, without the extension "-data". */
    @Test
    void anAccountWithTheDelimiterInItsNameIsAcceptedAndThenBounced() {
        Oracle oracle = new Oracle(yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.org
                mail_name: example.org
                recipient_delimiter: "-"
                """));
        Prediction prediction = send(oracle, OUTSIDE, "someone@remote.example", "www-data@example.org");
        assertEquals("250 2.1.5", status(prediction));
        assertEquals(List.of(Arrival.inSink(Arrival.Kind.BOUNCE, "direct", "someone@remote.example",
                Optional.empty(), true)), prediction.outcome().arrivals());
    }

    @Test
    void anOversizeMessageIsRefusedAtMail() throws IOException {
        Oracle oracle = new Oracle(example("internet-site"));
        Prediction prediction = oracle.predict(new Envelope(Client.at(INSIDE), "a@remote.example",
                List.of("alice@example.org"), 10_240_001), new MailboxUsage());
        assertEquals(Reply.of(552, "5.3.4", "Message size exceeds fixed limit"), prediction.outcome().mail());
        assertTrue(prediction.outcome().rcpt().isEmpty());
    }

    @Test
    void aFullMailboxBouncesToTheSender() {
        Oracle oracle = new Oracle(yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.org
                mail_name: example.org
                networks: [127.0.0.0/8]
                users: [{name: carol}]
                message_size_limit: 100KiB
                mailbox_size_limit: 250KiB
                """));
        MailboxUsage usage = new MailboxUsage();
        Envelope envelope = new Envelope(Client.at(INSIDE), "sender@remote.example", List.of("carol@example.org"),
                90 * 1024);
        assertEquals(List.of(Arrival.inMailbox(Arrival.Kind.MESSAGE, "carol")),
                oracle.predict(envelope, usage).outcome().arrivals());
        oracle.predict(envelope, usage);
        Prediction overflow = oracle.predict(envelope, usage);
        assertTrue(overflow.outcome().accepted());
        assertEquals(List.of(Arrival.inSink(Arrival.Kind.BOUNCE, "direct", "sender@remote.example",
                Optional.empty(), true)), overflow.outcome().arrivals());
    }

    @Test
    void anExplanationNamesEveryStep() throws IOException {
        Explanation explanation = new Oracle(example("internet-site")).explain(Client.at(OUTSIDE),
                "a@remote.example", "webmaster+tag@example.org");
        String text = String.join("\n", explanation.steps());
        assertTrue(text.contains("example.org is a local domain"), text);
        assertTrue(text.contains("outside networks"), text);
        assertTrue(text.contains("without its extension \"webmaster\" is an alias"), text);
        assertTrue(text.contains("alias webmaster → alice, bob"), text);
        assertTrue(text.contains("mailbox of the account bob"), text);
    }
}
