package io.mailform.runtime.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.scenario.Deliveries;
import io.mailform.runtime.scenario.Ledger;
import io.mailform.runtime.scenario.Ledger.Place;
import io.mailform.runtime.scenario.RawMessage;
import io.mailform.runtime.scenario.Sent;
import io.mailform.runtime.scenario.SmtpSession;

/**
 * Real Postfix, started by the runtime from a description, receives real SMTP and is judged by what it does: where
 * each message ends up (a mailbox, or the capture sink standing in for its next hop) and how it answers. Each
 * description runs in a private instance of its own on 127.0.0.1; at the end of each, every message accepted with
 * 250 must be found exactly once where it belongs and nowhere else. Needs root and Postfix; fails, never skips,
 * without them.
 */
class PostfixInstanceTest {
    private static final String OUTSIDE = "203.0.113.9";

    /** One instance of one description and its ledger. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Running {
        final Ledger ledger = new Ledger();
        RunningPostfix postfix;

        abstract Path description();

        @BeforeAll
        void start() throws StartupException {
            postfix = PostfixRuntime.start(PostfixOptions.of(description()));
        }

        @AfterAll
        void everyAcceptedMessageIsInExactlyOnePlace() throws IOException {
            try {
                if (postfix != null) {
                    ledger.assertBalanced(postfix);
                }
            } finally {
                if (postfix != null) {
                    postfix.close();
                }
            }
        }

        @Test
        void theInstanceListensOnLoopbackOnly() throws IOException {
            CommandResult services = Commands.run(List.of("postconf", "-c", postfix.configDirectory().toString(),
                "-M"));
            assertTrue(services.succeeded(), services::describe);
            List<String> inet = services.stdout().lines().filter(line -> line.split("\\s+")[1].equals("inet"))
                .map(line -> line.split("\\s+")[0]).toList();
            assertEquals(List.of("127.0.0.1:" + postfix.smtpPort()), inet, services.stdout());
        }

        /** Each recipient is refused at RCPT with 550; nothing is accepted. */
        void assertUnknownAtRcpt(String sender, String... recipients) throws IOException {
            try (SmtpSession smtp = SmtpSession.open(postfix)) {
                assertTrue(smtp.command("MAIL FROM:<" + sender + ">").startsWith("250"));
                for (String recipient : recipients) {
                    String rcpt = smtp.command("RCPT TO:<" + recipient + ">");
                    assertTrue(rcpt.startsWith("550"), recipient + ": " + rcpt);
                }
                assertTrue(smtp.command("RSET").startsWith("250"));
            }
        }

        Sent send(String sender, String subject, String... recipients) throws IOException {
            return SmtpSession.send(postfix, sender, subject, recipients);
        }
    }

    static Path example(String name) {
        return Path.of("../examples", name + ".yaml");
    }

    static Path testDescription(String name) {
        return Path.of("src/test/resources/descriptions", name + ".yaml");
    }

    /**
     * examples/internet-site.yaml: mail.example.org delivers to alice and bob, root's mail to alice, and sends
     * everything else by MX lookup, here to the sink {@code direct}, with STARTTLS as smtp_tls_security_level = may
     * takes it when offered.
     */
    @Nested
    class InternetSite extends Running {
        private static final Place ALICE = Place.mailbox("alice");
        private static final Place BOB = Place.mailbox("bob");

        @Override
        Path description() {
            return example("internet-site");
        }

        @Test
        void mxDeliveryHasTheSinkDirect() {
            assertEquals(List.of("direct"), postfix.sinks().stream().map(CaptureSink::name).toList());
        }

        @Test
        void aLocalUserReceives() throws IOException {
            Sent sent = send("someone@remote.example", "local", "alice@example.org");
            ledger.delivered(sent, ALICE);
            RawMessage stored = Deliveries.inMailbox(postfix, "alice", sent);
            assertTrue(stored.headers().contains("Delivered-To: alice@example.org"), stored.headers());
        }

        @Test
        void anAliasReachesItsTargets() throws IOException {
            Sent hostmaster = send("someone@remote.example", "hostmaster", "hostmaster@example.org");
            ledger.delivered(hostmaster, ALICE);
            Sent webmaster = send("someone@remote.example", "webmaster", "webmaster@mail.example.org");
            ledger.delivered(webmaster, ALICE, BOB);
            Deliveries.inMailbox(postfix, "alice", hostmaster);
            Deliveries.inMailbox(postfix, "alice", webmaster);
            Deliveries.inMailbox(postfix, "bob", webmaster);
        }

        @Test
        void rootAndPostmasterReachTheRootRecipient() throws IOException {
            List<Sent> sent = new ArrayList<>();
            for (String recipient : List.of("root@example.org", "postmaster@localhost", "abuse@example.org")) {
                Sent one = send("someone@remote.example", recipient, recipient);
                ledger.delivered(one, ALICE);
                sent.add(one);
            }
            sent.forEach(one -> Deliveries.inMailbox(postfix, "alice", one));
            assertEquals(List.of(), postfix.mailbox("root"), "no mailbox of root's own");
        }

        @Test
        void anExtensionReachesTheUser() throws IOException {
            Sent sent = send("someone@remote.example", "extension", "bob+tag@example.org");
            ledger.delivered(sent, BOB);
            RawMessage stored = Deliveries.inMailbox(postfix, "bob", sent);
            assertTrue(stored.headers().contains("Delivered-To: bob+tag@example.org"), stored.headers());
        }

        @Test
        void anUnknownLocalUserIsRefusedAtRcpt() throws IOException {
            assertUnknownAtRcpt("someone@remote.example", "nosuchuser@example.org", "nosuchuser+tag@example.org",
                "nosuchuser@localhost");
        }

        @Test
        void aClientInsideNetworksRelaysByMxLookupToTheDirectSink() throws IOException {
            Sent sent = send("alice@example.org", "relay", "friend@remote.example");
            ledger.delivered(sent, Place.sink("direct"));
            CapturedMessage captured = Deliveries.inSink(postfix, "direct", sent);
            assertEquals("alice@example.org", captured.sender());
            assertEquals(List.of("friend@remote.example"), captured.recipients());
            assertEquals("mail.example.org", captured.helo());
            assertTrue(captured.tls(), "smtp_tls_security_level = may uses the STARTTLS the sink offers");
        }

        @Test
        void anIpv6ClientInsideNetworksRelaysThroughXclient() throws IOException {
            Sent sent = Sent.unique("ipv6 inside");
            try (SmtpSession smtp = SmtpSession.open(postfix)) {
                smtp.xclient("IPV6:::1");
                assertTrue(smtp.transaction("alice@example.org", List.of("friend@remote.example"), sent, "Hi.\n")
                    .startsWith("250"));
            }
            ledger.delivered(sent, Place.sink("direct"));
            Deliveries.inSink(postfix, "direct", sent);
        }
    }

    /**
     * descriptions/internet-site-limits.yaml: internet-site with networks [127.0.0.1/32], a message size limit of
     * 100 KiB and a mailbox size limit of 250 KiB, which examples/internet-site.yaml cannot show.
     */
    @Nested
    class InternetSiteLimits extends Running {
        private static final int KIB = 1024;

        @Override
        Path description() {
            return testDescription("internet-site-limits");
        }

        /** About {@code size} bytes in lines of 998 characters. */
        private static String body(int size) {
            return ("x".repeat(998) + "\n").repeat(Math.max(1, size / 999));
        }

        @Test
        void aClientOutsideNetworksCannotRelay() throws IOException {
            for (String outside : List.of(OUTSIDE, "IPV6:2001:db8::9", "IPV6:::1")) {
                try (SmtpSession smtp = SmtpSession.open(postfix)) {
                    smtp.xclient(outside);
                    assertTrue(smtp.command("MAIL FROM:<someone@example.org>").startsWith("250"));
                    String rcpt = smtp.command("RCPT TO:<friend@remote.example>");
                    assertTrue(rcpt.startsWith("454 4.7.1 ") && rcpt.contains("Relay access denied"),
                        outside + ": " + rcpt);
                }
            }
        }

        @Test
        void aClientOutsideNetworksStillReachesLocalUsers() throws IOException {
            Sent sent = Sent.unique("outside local");
            try (SmtpSession smtp = SmtpSession.open(postfix)) {
                smtp.xclient(OUTSIDE);
                assertTrue(smtp.transaction("someone@remote.example", List.of("carol@example.org"), sent, "Hi.\n")
                    .startsWith("250"));
            }
            ledger.delivered(sent, Place.mailbox("carol"));
            RawMessage stored = Deliveries.inMailbox(postfix, "carol", sent);
            assertTrue(stored.headers().contains("[" + OUTSIDE + "]"), "Received: names the XCLIENT address\n"
                + stored.headers());
        }

        @Test
        void aClientInsideNetworksRelaysWithTheRightEnvelope() throws IOException {
            Sent sent = send("alice@example.org", "inside relay", "friend@remote.example", "other@elsewhere.example");
            ledger.delivered(sent, Place.sink("direct"));
            CapturedMessage captured = Deliveries.inSink(postfix, "direct", sent);
            assertEquals("alice@example.org", captured.sender());
            assertEquals(List.of("friend@remote.example", "other@elsewhere.example"),
                captured.recipients().stream().sorted().toList());
        }

        @Test
        void messageSizeLimitRefusesAnOversizeMessage() throws IOException {
            try (SmtpSession smtp = SmtpSession.open(postfix)) {
                String end = smtp.transaction("someone@remote.example", List.of("alice@example.org"),
                    Sent.unique("oversize"), body(110 * KIB));
                assertTrue(end.startsWith("552"), end);
            }
        }

        @Test
        void aMessageJustUnderTheLimitIsAccepted() throws IOException {
            Sent sent = SmtpSession.sendWithBody(postfix, "someone@remote.example", "under", body(90 * KIB),
                "alice@example.org");
            ledger.delivered(sent, Place.mailbox("alice"));
            Deliveries.inMailbox(postfix, "alice", sent);
        }

        /** Two messages of 90 KiB fit into carol's 250 KiB; the third does not and is bounced to its sender. */
        @Test
        void mailboxSizeLimitStopsDeliveryIntoAFullMailbox() throws IOException {
            for (int i = 1; i <= 2; i++) {
                Sent sent = SmtpSession.sendWithBody(postfix, "sender@remote.example", "fits " + i, body(90 * KIB),
                    "carol@example.org");
                ledger.delivered(sent, Place.mailbox("carol"));
                Deliveries.inMailbox(postfix, "carol", sent);
            }
            Sent overflow = SmtpSession.sendWithBody(postfix, "sender@remote.example", "overflow", body(90 * KIB),
                "carol@example.org");
            ledger.bounced(overflow, Place.sink("direct"));
            CapturedMessage bounce = Deliveries.bounceInSink(postfix, "direct", overflow);
            assertEquals("", bounce.sender(), "a bounce has the null sender");
            assertEquals(List.of("sender@remote.example"), bounce.recipients());
            assertTrue(postfix.mailbox("carol").stream().map(RawMessage::of)
                .noneMatch(message -> message.isCopyOf(overflow)), "not in carol's mailbox");
        }
    }

    /**
     * examples/satellite.yaml: web1.example.com keeps no mail; mail for other domains, for its own domain
     * example.com and for root goes to the hub (the sink hub.example.com:25), over TLS as the relay's tls: encrypt
     * demands.
     */
    @Nested
    class Satellite extends Running {
        private static final String HUB = "hub.example.com:25";

        @Override
        Path description() {
            return example("satellite");
        }

        private CapturedMessage relayed(Sent sent) {
            ledger.delivered(sent, Place.sink(HUB));
            CapturedMessage captured = Deliveries.inSink(postfix, HUB, sent);
            assertTrue(captured.tls(), "relayed over STARTTLS");
            assertEquals("web1.example.com", captured.helo());
            return captured;
        }

        @Test
        void theSmarthostHasItsSinkAndNothingElse() {
            assertEquals(List.of(HUB), postfix.sinks().stream().map(CaptureSink::name).toList());
        }

        @Test
        void mailForTheOwnDomainGoesToTheHub() throws IOException {
            assertEquals(List.of("alice@example.com"),
                relayed(send("www-data@web1.example.com", "own domain", "alice@example.com")).recipients());
        }

        @Test
        void mailForOtherDomainsGoesToTheHub() throws IOException {
            CapturedMessage captured = relayed(send("app@web1.example.com", "other", "customer@remote.example"));
            assertEquals("app@web1.example.com", captured.sender());
            assertEquals(List.of("customer@remote.example"), captured.recipients());
        }

        @Test
        void mailForRootGoesToTheOperationsTeamAtTheHub() throws IOException {
            assertEquals(List.of("ops@example.com"),
                relayed(send("cron@web1.example.com", "root", "root@web1.example.com")).recipients());
        }

        /**
         * postmaster: root is an alias to an unqualified name, which Postfix qualifies with myorigin (the mail name,
         * example.com); a satellite does not deliver example.com itself, so the result goes to the hub as
         * root@example.com and is not expanded again here.
         */
        @Test
        void mailForPostmasterGoesToRootAtTheMailNameOnTheHub() throws IOException {
            assertEquals(List.of("root@example.com"),
                relayed(send("cron@web1.example.com", "postmaster", "postmaster@localhost")).recipients());
        }

        @Test
        void aBareSenderGetsTheMailName() throws IOException {
            Sent sent = Sent.unique("bare sender");
            try (SmtpSession smtp = SmtpSession.open(postfix)) {
                assertTrue(smtp.transaction("cron", List.of("someone@remote.example"), sent, "Hi.\n")
                    .startsWith("250"));
            }
            assertEquals("cron@example.com", relayed(sent).sender());
        }

        @Test
        void anUnknownLocalUserIsRefusedAtRcpt() throws IOException {
            assertUnknownAtRcpt("cron@web1.example.com", "nosuchuser@web1.example.com");
        }
    }

    /**
     * examples/local-only.yaml: build.example.net delivers to builder and sends nothing anywhere: it has no sink, and
     * mail for other domains is refused. Its inet_protocols is ipv4.
     */
    @Nested
    class LocalOnly extends Running {
        private static final Place BUILDER = Place.mailbox("builder");

        @Override
        Path description() {
            return example("local-only");
        }

        @Test
        void localDeliveryWorks() throws IOException {
            List<Sent> sent = new ArrayList<>();
            for (String recipient : List.of("builder@build.example.net", "builder+nightly@localhost",
                    "root@build.example.net", "postmaster@localhost")) {
                Sent one = send("ci@build.example.net", recipient, recipient);
                ledger.delivered(one, BUILDER);
                sent.add(one);
            }
            sent.forEach(one -> Deliveries.inMailbox(postfix, "builder", one));
        }

        /** With inet_protocols = ipv4 the host can have no IPv6 client, and smtpd will not stand for one either. */
        @Test
        void anIpv4OnlyInstanceRefusesAnIpv6ClientAddress() throws IOException {
            try (SmtpSession smtp = SmtpSession.open(postfix)) {
                String refused = smtp.command("XCLIENT ADDR=IPV6:2001:db8::9");
                assertTrue(refused.startsWith("501 5.5.4 Bad ADDR syntax"), refused);
                smtp.xclient(OUTSIDE);
                assertTrue(smtp.command("MAIL FROM:<someone@remote.example>").startsWith("250"));
                String rcpt = smtp.command("RCPT TO:<builder@build.example.net>");
                assertTrue(rcpt.startsWith("250"), "an IPv4 client outside networks reaches local users: " + rcpt);
            }
        }

        @Test
        void anUnknownLocalUserIsRefusedAtRcpt() throws IOException {
            assertUnknownAtRcpt("ci@build.example.net", "nosuchuser@build.example.net");
        }

        /**
         * default_transport and relay_transport = error make smtpd refuse the recipient at once, so the sender learns
         * it in the session and nothing is queued; there is no sink, and no smtp client runs.
         */
        @Test
        void mailForOtherDomainsIsRefusedAndNeverSent() throws IOException {
            Sent local = Sent.unique("mixed");
            try (SmtpSession smtp = SmtpSession.open(postfix)) {
                assertTrue(smtp.command("MAIL FROM:<builder@build.example.net>").startsWith("250"));
                String remote = smtp.command("RCPT TO:<friend@remote.example>");
                assertTrue(remote.startsWith("550 5.1.1 ") && remote.contains("Recipient address rejected"), remote);
                assertTrue(smtp.command("RCPT TO:<builder@localhost>").startsWith("250"));
                assertTrue(smtp.command("DATA").startsWith("354"));
                String end = smtp.command("Subject: " + local.subject() + "\r\nMessage-ID: " + local.messageId()
                    + "\r\n\r\nHi.\r\n.");
                assertTrue(end.startsWith("250"), end);
            }
            ledger.delivered(local, BUILDER);
            Deliveries.inMailbox(postfix, "builder", local);
            assertEquals(List.of(), postfix.sinks(), "no sink");
            assertFalse(postfix.maillog().contains("postfix/smtp["), "no smtp client ran:\n" + postfix.maillog());
        }
    }
}
