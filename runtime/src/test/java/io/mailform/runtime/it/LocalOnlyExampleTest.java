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
import io.mailform.runtime.server.RunningMailSystem;

/**
 * examples/local-only.yaml: build.example.net delivers to its local mailbox and sends nothing anywhere. Mail for other
 * domains is refused at RCPT, as Postfix 3.7.11 refused it for the same description (default_transport = error):
 * {@code 550 5.1.1 ... Recipient address rejected: <domain>} from inside networks, {@code 454 4.7.1 Relay access
 * denied} from outside.
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
        assertEquals("builder", system.accounts().get(0));
        assertEquals(Accounts.SYSTEM_WITHOUT_ROOT, system.accounts().subList(1, system.accounts().size()));
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<friend@remote.example>", "<friend%remote.example@build.example.net>",
        "<friend@[192.0.2.1]>"})
    void mailForOtherDomainsIsRefusedAtRcpt(String recipient) throws Exception {
        try (SmtpDialog smtp = SmtpDialog.asClient(system, "127.0.0.1")) {
            assertReply("250 2.1.0", smtp.command("MAIL FROM:<builder@build.example.net>"));
            String reply = smtp.command("RCPT TO:" + recipient);
            assertReply("550 5.1.1", reply);
            assertTrue(reply.contains("Recipient address rejected"), reply);
        }
        try (SmtpDialog smtp = SmtpDialog.asClient(system, "203.0.113.9")) {
            assertReply("250 2.1.0", smtp.command("MAIL FROM:<someone@remote.example>"));
            assertReply("454 4.7.1", smtp.command("RCPT TO:" + recipient));
            assertReply("250 2.1.5", smtp.command("RCPT TO:<www-data@localhost>"));
            assertReply("550 5.1.1", smtp.command("RCPT TO:<nosuch@build.example.net>"));
        }
    }
}
