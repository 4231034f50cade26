package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.emit.postfix.Ledger.Place;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real Postfix, started from mailform's compiled output, receives real SMTP and is judged by what it does: where
 * each message ends up (mbox files in its spool directory, or the capture sink that stands in for every other host)
 * and how it answers. Each example runs in a private instance of its own on 127.0.0.1 (see {@link PostfixInstance}
 * for the few settings a private instance must change); at the end of each, every message accepted with 250 must be
 * found exactly once where it belongs and nowhere else. Needs root and Postfix; fails, never skips, without them.
 */
class PostfixInstanceTest {
    private static final String INSIDE = "127.0.0.1";

    /** One instance of one description, its capture sink, the accounts it delivers to, and its ledger. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Running {
        final Ledger ledger = new Ledger();
        PostfixTools tools;
        SystemAccounts accounts;
        CaptureSink sink;
        PostfixInstance instance;
        Examples.Compiled compiled;

        abstract Path description();

        /** The local accounts the description's users and aliases need. */
        abstract List<String> users();

        @BeforeAll
        void start() throws Exception {
            tools = PostfixTools.locate();
            accounts = SystemAccounts.forRoot(tools);
            accounts.ensure(users().toArray(String[]::new));
            compiled = Examples.compile(description());
            sink = CaptureSink.start(CaptureSink.selfSignedTls(tools));
            instance = PostfixInstance.start(tools, compiled, sink);
        }

        @AfterAll
        void everyAcceptedMessageIsInExactlyOnePlace() throws IOException {
            try {
                if (instance != null) {
                    ledger.assertBalanced(instance, sink);
                }
            } finally {
                try {
                    if (instance != null) {
                        instance.close();
                    }
                } finally {
                    try {
                        if (sink != null) {
                            sink.close();
                        }
                    } finally {
                        if (accounts != null) {
                            accounts.close();
                        }
                    }
                }
            }
        }

        @Test
        void theInstanceListensOnLoopbackOnly() {
            PostfixTools.Result services = tools.run(List.of(tools.postconf.toString(), "-c",
                    instance.config().toString(), "-M"));
            assertEquals(0, services.exitCode(), services::toString);
            List<String> inet = services.stdout().lines().filter(line -> line.split("\\s+")[1].equals("inet"))
                    .toList();
            assertEquals(List.of("127.0.0.1:" + instance.port()), inet.stream()
                    .map(line -> line.split("\\s+")[0]).toList(), services.stdout());
        }

        /** A local recipient is refused at RCPT with 550; nothing is accepted. */
        void assertUnknownAtRcpt(String sender, String... recipients) throws IOException {
            try (SmtpSession smtp = SmtpSession.open(INSIDE, instance.port())) {
                String mail = smtp.command("MAIL FROM:<" + sender + ">");
                assertTrue(mail.startsWith("250"), mail);
                for (String recipient : recipients) {
                    String rcpt = smtp.command("RCPT TO:<" + recipient + ">");
                    assertTrue(rcpt.startsWith("550"), recipient + ": " + rcpt);
                }
                assertTrue(smtp.command("RSET").startsWith("250"));
            }
        }

        SmtpSession.Sent send(String sender, String subject, String... recipients) throws IOException {
            return SmtpSession.send(instance.port(), sender, subject, recipients);
        }
    }

    private static Path example(String name) {
        return Examples.DIRECTORY.resolve(name + ".yaml");
    }

    /**
     * examples/internet-site.yaml: mail.example.org delivers to alice and bob, root's mail to alice, and sends
     * everything else out (to the sink).
     */
    @Nested
    class InternetSite extends Running {
        private static final Place ALICE = Place.mailbox("alice");
        private static final Place BOB = Place.mailbox("bob");

        @Override
        Path description() {
            return example("internet-site");
        }

        @Override
        List<String> users() {
            return List.of("alice", "bob");
        }

        @Test
        void aLocalUserReceives() throws IOException {
            SmtpSession.Sent sent = send("someone@remote.example", "local", "alice@example.org");
            ledger.delivered(sent, ALICE);
            Mbox.Message stored = Deliveries.inMailbox(instance, "alice", sent);
            assertTrue(stored.headers().contains("Delivered-To: alice@example.org"), stored.headers());
        }

        @Test
        void anAliasReachesItsTargets() throws IOException {
            SmtpSession.Sent hostmaster = send("someone@remote.example", "hostmaster", "hostmaster@example.org");
            ledger.delivered(hostmaster, ALICE);
            SmtpSession.Sent webmaster = send("someone@remote.example", "webmaster", "webmaster@mail.example.org");
            ledger.delivered(webmaster, ALICE, BOB);
            Deliveries.inMailbox(instance, "alice", hostmaster);
            Deliveries.inMailbox(instance, "alice", webmaster);
            Deliveries.inMailbox(instance, "bob", webmaster);
        }

        @Test
        void rootAndPostmasterReachTheRootRecipient() throws IOException {
            List<SmtpSession.Sent> sent = new ArrayList<>();
            for (String recipient : List.of("root@example.org", "postmaster@localhost", "abuse@example.org")) {
                SmtpSession.Sent one = send("someone@remote.example", recipient, recipient);
                ledger.delivered(one, ALICE);
                sent.add(one);
            }
            sent.forEach(one -> Deliveries.inMailbox(instance, "alice", one));
            assertFalse(Files.exists(instance.mailbox("root")), "no mailbox of root's own");
        }

        @Test
        void anExtensionReachesTheUser() throws IOException {
            SmtpSession.Sent sent = send("someone@remote.example", "extension", "bob+tag@example.org");
            ledger.delivered(sent, BOB);
            Mbox.Message stored = Deliveries.inMailbox(instance, "bob", sent);
            assertTrue(stored.headers().contains("Delivered-To: bob+tag@example.org"), stored.headers());
        }

        @Test
        void anUnknownLocalUserIsRefusedAtRcpt() throws IOException {
            assertUnknownAtRcpt("someone@remote.example", "nosuchuser@example.org", "nosuchuser+tag@example.org",
                    "nosuchuser@localhost");
        }

        @Test
        void aClientInsideNetworksRelaysWithTheRightEnvelope() throws IOException {
            SmtpSession.Sent sent = send("alice@example.org", "relay", "friend@remote.example");
            ledger.delivered(sent, Place.sink());
            CaptureSink.Captured captured = Deliveries.inSink(instance, sink, sent);
            assertEquals("alice@example.org", captured.sender());
            assertEquals(List.of("friend@remote.example"), captured.recipients());
            assertEquals("mail.example.org", captured.helo());
        }
    }

    /**
     * src/test/resources/instance/internet-site-limits.yaml: internet-site with networks [127.0.0.1/32] and a
     * message size limit of 100 KiB, which examples/internet-site.yaml (networks: all of loopback, limit 10 MB)
     * cannot show.
     */
    @Nested
    class InternetSiteLimits extends Running {
        private static final String OUTSIDE = "127.0.0.2";
        private static final int KIB = 1024;

        @Override
        Path description() {
            return Examples.PROJECT.resolve("src/test/resources/instance/internet-site-limits.yaml");
        }

        @Override
        List<String> users() {
            return List.of("alice", "carol");
        }

        /** About {@code size} bytes in lines of 998 characters. */
        private static String body(int size) {
            return ("x".repeat(998) + "\n").repeat(Math.max(1, size / 999));
        }

        @Test
        void aClientOutsideNetworksCannotRelay() throws IOException {
            try (SmtpSession smtp = SmtpSession.open(OUTSIDE, instance.port())) {
                assertTrue(smtp.command("MAIL FROM:<someone@example.org>").startsWith("250"));
                String rcpt = smtp.command("RCPT TO:<friend@remote.example>");
                assertTrue((rcpt.startsWith("454 ") || rcpt.startsWith("554 "))
                        && rcpt.contains("Relay access denied"), rcpt);
            }
        }

        @Test
        void aClientOutsideNetworksStillReachesLocalUsers() throws IOException {
            SmtpSession.Sent sent = SmtpSession.sendFrom(OUTSIDE, instance.port(), "someone@remote.example",
                    "outside local", "Hi.\n", "carol@example.org");
            ledger.delivered(sent, Place.mailbox("carol"));
            Deliveries.inMailbox(instance, "carol", sent);
        }

        @Test
        void aClientInsideNetworksRelaysWithTheRightEnvelope() throws IOException {
            SmtpSession.Sent sent = SmtpSession.sendFrom(INSIDE, instance.port(), "alice@example.org",
                    "inside relay", "Hi.\n", "friend@remote.example", "other@elsewhere.example");
            ledger.delivered(sent, Place.sink());
            CaptureSink.Captured captured = Deliveries.inSink(instance, sink, sent);
            assertEquals("alice@example.org", captured.sender());
            assertEquals(List.of("friend@remote.example", "other@elsewhere.example"),
                    captured.recipients().stream().sorted().toList());
        }

        @Test
        void messageSizeLimitRefusesAnOversizeMessage() throws IOException {
            SmtpSession.Sent oversize = SmtpSession.unique("oversize");
            try (SmtpSession smtp = SmtpSession.open(INSIDE, instance.port())) {
                String end = smtp.transaction("someone@remote.example", List.of("alice@example.org"),
                        oversize.subject(), oversize.messageId(), body(110 * KIB));
                assertTrue(end.startsWith("552"), end);
            }
        }

        @Test
        void aMessageJustUnderTheLimitIsAccepted() throws IOException {
            SmtpSession.Sent sent = SmtpSession.sendFrom(INSIDE, instance.port(), "someone@remote.example", "under",
                    body(90 * KIB), "alice@example.org");
            ledger.delivered(sent, Place.mailbox("alice"));
            Deliveries.inMailbox(instance, "alice", sent);
        }

        /** Two messages of 90 KiB fit into carol's 250 KiB; the third does not and is bounced to its sender. */
        @Test
        void mailboxSizeLimitStopsDeliveryIntoAFullMailbox() throws IOException {
            for (int i = 1; i <= 2; i++) {
                SmtpSession.Sent sent = SmtpSession.sendFrom(INSIDE, instance.port(), "sender@remote.example",
                        "fits " + i, body(90 * KIB), "carol@example.org");
                ledger.delivered(sent, Place.mailbox("carol"));
                Deliveries.inMailbox(instance, "carol", sent);
            }
            SmtpSession.Sent overflow = SmtpSession.sendFrom(INSIDE, instance.port(), "sender@remote.example",
                    "overflow", body(90 * KIB), "carol@example.org");
            ledger.bounced(overflow, Place.sink());
            CaptureSink.Captured bounce = Deliveries.bounceInSink(instance, sink, overflow);
            assertEquals("", bounce.sender(), "a bounce has the null sender");
            assertEquals(List.of("sender@remote.example"), bounce.recipients());
            assertTrue(Mbox.read(instance.mailbox("carol")).stream()
                    .noneMatch(message -> message.text().contains(overflow.subject())), "not in carol's mailbox");
        }
    }

    /**
     * examples/satellite.yaml: web1.example.com keeps no mail; mail for other domains, for its own domain
     * example.com and for root goes to the hub (the sink), over TLS as the relay's tls: encrypt demands.
     */
    @Nested
    class Satellite extends Running {
        @Override
        Path description() {
            return example("satellite");
        }

        @Override
        List<String> users() {
            return List.of();
        }

        private CaptureSink.Captured relayed(SmtpSession.Sent sent) {
            ledger.delivered(sent, Place.sink());
            CaptureSink.Captured captured = Deliveries.inSink(instance, sink, sent);
            assertTrue(captured.tls(), "relayed over STARTTLS");
            assertEquals("web1.example.com", captured.helo());
            return captured;
        }

        @Test
        void mailForTheOwnDomainGoesToTheHub() throws IOException {
            CaptureSink.Captured captured = relayed(send("www-data@web1.example.com", "own domain",
                    "alice@example.com"));
            assertEquals(List.of("alice@example.com"), captured.recipients());
        }

        @Test
        void mailForOtherDomainsGoesToTheHub() throws IOException {
            CaptureSink.Captured captured = relayed(send("app@web1.example.com", "other", "customer@remote.example"));
            assertEquals("app@web1.example.com", captured.sender());
            assertEquals(List.of("customer@remote.example"), captured.recipients());
        }

        @Test
        void mailForRootGoesToTheOperationsTeamAtTheHub() throws IOException {
            CaptureSink.Captured root = relayed(send("cron@web1.example.com", "root", "root@web1.example.com"));
            assertEquals(List.of("ops@example.com"), root.recipients(), instance::maillog);
        }

        /**
         * postmaster: root is an alias to an unqualified name, which Postfix qualifies with myorigin (the mail name,
         * example.com); a satellite does not deliver example.com itself, so the result goes to the hub as
         * root@example.com and is not expanded again here. The James target does the same.
         */
        @Test
        void mailForPostmasterGoesToRootAtTheMailNameOnTheHub() throws IOException {
            CaptureSink.Captured postmaster = relayed(send("cron@web1.example.com", "postmaster",
                    "postmaster@localhost"));
            assertEquals(List.of("root@" + compiled.system().mailName().orElseThrow().value()),
                    postmaster.recipients(), instance::maillog);
        }

        @Test
        void aBareSenderGetsTheMailName() throws IOException {
            SmtpSession.Sent sent = SmtpSession.unique("bare sender");
            try (SmtpSession smtp = SmtpSession.open(INSIDE, instance.port())) {
                String end = smtp.transaction("cron", List.of("someone@remote.example"), sent.subject(),
                        sent.messageId(), "Hi.\n");
                assertTrue(end.startsWith("250"), end);
            }
            assertEquals("cron@example.com", relayed(sent).sender());
        }

        @Test
        void anUnknownLocalUserIsRefusedAtRcpt() throws IOException {
            assertUnknownAtRcpt("cron@web1.example.com", "nosuchuser@web1.example.com");
        }
    }

    /**
     * examples/local-only.yaml: build.example.net delivers to builder and sends nothing anywhere, although the
     * capture sink is there to be reached: mail for other domains is bounced to its sender.
     */
    @Nested
    class LocalOnly extends Running {
        private static final Place BUILDER = Place.mailbox("builder");

        @Override
        Path description() {
            return example("local-only");
        }

        @Override
        List<String> users() {
            return List.of("builder");
        }

        @Test
        void localDeliveryWorks() throws IOException {
            List<SmtpSession.Sent> sent = new ArrayList<>();
            for (String recipient : List.of("builder@build.example.net", "builder+nightly@localhost",
                    "root@build.example.net", "postmaster@localhost")) {
                SmtpSession.Sent one = send("ci@build.example.net", recipient, recipient);
                ledger.delivered(one, BUILDER);
                sent.add(one);
            }
            sent.forEach(one -> Deliveries.inMailbox(instance, "builder", one));
        }

        @Test
        void anUnknownLocalUserIsRefusedAtRcpt() throws IOException {
            assertUnknownAtRcpt("ci@build.example.net", "nosuchuser@build.example.net");
        }

        /**
         * default_transport and relay_transport = error make smtpd refuse the recipient at once, so the sender learns
         * it in the session and nothing is queued; the sink, although reachable as relayhost, gets nothing.
         */
        @Test
        void mailForOtherDomainsIsRefusedAndNeverSent() throws IOException {
            SmtpSession.Sent local = SmtpSession.unique("mixed");
            try (SmtpSession smtp = SmtpSession.open(INSIDE, instance.port())) {
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
            Deliveries.inMailbox(instance, "builder", local);
            assertEquals(List.of(), sink.messages(), "nothing reaches the sink");
            assertFalse(instance.maillog().contains("postfix/smtp["), "no smtp client ran:\n" + instance.maillog());
        }
    }
}
