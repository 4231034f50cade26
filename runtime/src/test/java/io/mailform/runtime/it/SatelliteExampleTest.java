package io.mailform.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.mailform.runtime.compile.DescriptionCompiler;
import io.mailform.runtime.it.Ledger.Place;
import io.mailform.runtime.junit.MailSystem;
import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.RunningMailSystem;

/**
 * examples/satellite.yaml: web1.example.com keeps no mail. Everything, mail for its own domain example.com and for
 * root included, goes to the hub; it listens on loopback only.
 */
@MailSystem(SatelliteExampleTest.DESCRIPTION)
class SatelliteExampleTest {
    static final String DESCRIPTION = "../examples/satellite.yaml";
    private static final Ledger LEDGER = new Ledger();
    private static final String HUB = "hub.example.com:25";

    private final RunningMailSystem system;
    private final MailClient client;

    SatelliteExampleTest(RunningMailSystem system) {
        this.system = system;
        this.client = new MailClient(system);
    }

    @AfterAll
    static void everyAcceptedMessageIsInExactlyOnePlace(RunningMailSystem system) throws Exception {
        LEDGER.assertBalanced(system);
    }

    private CapturedMessage relayed(MailClient.Sent sent) throws InterruptedException {
        LEDGER.delivered(sent, Place.sink(HUB));
        return Sinks.await(system.sink(HUB), sent);
    }

    @Test
    void theHubIsTheOnlyDestinationAndOnlySystemAccountsKeepMail() {
        assertEquals(List.of(HUB), system.sinks().stream().map(CaptureSink::name).toList());
        // As on the Postfix host: local_recipient_maps reads /etc/passwd, and root's mail goes to the hub.
        assertEquals(Accounts.SYSTEM_WITHOUT_ROOT, system.accounts());
    }

    @Test
    void mailForTheOwnDomainGoesToTheHub() throws Exception {
        CapturedMessage captured = relayed(client.send("www-data@web1.example.com",
            MailClient.uniqueSubject("own domain"), "alice@example.com"));
        assertEquals(List.of("alice@example.com"), captured.recipients());
        assertEquals("web1.example.com", captured.helo());
    }

    @Test
    void mailForRootGoesToTheOperationsTeamAtTheHub() throws Exception {
        CapturedMessage root = relayed(client.send("cron@web1.example.com", MailClient.uniqueSubject("root"),
            "root@web1.example.com"));
        assertEquals(List.of("ops@example.com"), root.recipients());
    }

    /**
     * postmaster: root names root without a domain; Postfix qualifies it with the mail name, which a satellite does
     * not receive for, so the hub gets root@example.com (the private Postfix instance test shows the same).
     */
    @Test
    void mailForPostmasterGoesToRootAtTheMailNameOnTheHub() throws Exception {
        CapturedMessage postmaster = relayed(client.send("cron@web1.example.com",
            MailClient.uniqueSubject("postmaster"), "postmaster@localhost"));
        assertEquals(List.of("root@example.com"), postmaster.recipients());
    }

    @Test
    void mailForOtherDomainsGoesToTheHub() throws Exception {
        CapturedMessage captured = relayed(client.send("app@web1.example.com", MailClient.uniqueSubject("other"),
            "customer@remote.example"));
        assertEquals("app@web1.example.com", captured.sender());
        assertEquals(List.of("customer@remote.example"), captured.recipients());
    }

    @Test
    void aBareSenderGetsTheMailName() throws Exception {
        String subject = MailClient.uniqueSubject("bare sender");
        String messageId = "<" + java.util.UUID.randomUUID() + "@client.test>";
        try (SmtpDialog smtp = new SmtpDialog(system.host(), system.smtpPort())) {
            smtp.command("EHLO localhost");
            assertTrue(smtp.command("MAIL FROM:<cron>").startsWith("250"));
            assertTrue(smtp.command("RCPT TO:<someone@remote.example>").startsWith("250"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            assertTrue(smtp.command("Subject: " + subject + "\r\nMessage-ID: " + messageId + "\r\n\r\nHi.\r\n.")
                .startsWith("250"));
        }
        assertEquals("cron@example.com", relayed(new MailClient.Sent(messageId, subject)).sender());
    }

    @Test
    void anUnknownLocalUserIsRefused() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(system.host(), system.smtpPort())) {
            smtp.command("EHLO localhost");
            assertTrue(smtp.command("MAIL FROM:<cron@web1.example.com>").startsWith("250"));
            Replies.assertReply("550 5.1.1", smtp.command("RCPT TO:<nosuch@web1.example.com>"));
        }
    }

    @Test
    void theCompiledServerListensOnLoopbackOnly() throws Exception {
        Path compiled = DescriptionCompiler.compile(Path.of(DESCRIPTION), System.getenv(), System.err);
        try {
            String smtp = Files.readString(compiled.resolve("james/conf/smtpserver.xml"));
            assertTrue(smtp.contains("<bind>127.0.0.1:25</bind>"), smtp);
        } finally {
            try (var paths = Files.walk(compiled)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void nothingListensBeyondLoopback() throws Exception {
        List<Integer> ports = new ArrayList<>(List.of(system.smtpPort(), system.imapPort()));
        system.sinks().forEach(sink -> ports.add(sink.port()));
        for (int port : ports) {
            Set<String> addresses = ListeningSockets.addressesListeningOn(port);
            assertEquals(Set.of("127.0.0.1"), addresses, "port " + port);
        }
    }
}
