package io.mailform.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.postfix.PostfixOptions;
import io.mailform.runtime.postfix.PostfixRuntime;
import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.scenario.Deliveries;
import io.mailform.runtime.scenario.Ledger;
import io.mailform.runtime.scenario.Ledger.Place;
import io.mailform.runtime.scenario.RawMessage;
import io.mailform.runtime.scenario.Sent;
import io.mailform.runtime.scenario.SmtpSession;

/**
 * One description, examples/full.yaml, started on James and on Postfix, goes through the same scenario through
 * {@link MailServer} alone: local delivery to a user, an alias with three targets, mail relayed from inside to the
 * authenticated smarthost over TLS, and the server idle afterwards with every message where it belongs.
 */
class MailServerContractTest {
    private static final Path FULL = Path.of("../examples/full.yaml");
    private static final String SMARTHOST = "smtp.example.net:587";

    abstract static class Contract {
        abstract MailServer start() throws StartupException;

        abstract ServerKind kind();

        @Test
        void theSameScenarioGivesTheSameResult() throws Exception {
            try (MailServer server = start()) {
                assertEquals(kind(), server.kind());
                assertEquals("127.0.0.1", server.host());
                assertEquals(List.of("10.30.0.5:2525", "lists.internal.example.org:25", SMARTHOST),
                    server.sinks().stream().map(CaptureSink::name).toList());
                Ledger ledger = new Ledger();

                Sent local = SmtpSession.send(server, "friend@remote.example", "local", "alice@example.org");
                ledger.delivered(local, Place.mailbox("alice"));
                RawMessage stored = Deliveries.inMailbox(server, "alice", local);
                assertTrue(stored.text().contains("Subject: " + local.subject()), stored.text());

                Sent team = SmtpSession.send(server, "friend@remote.example", "alias", "team@example.org");
                ledger.delivered(team, Place.mailbox("alice"), Place.mailbox("bob"), Place.mailbox("carol"));
                for (String account : List.of("alice", "bob", "carol")) {
                    Deliveries.inMailbox(server, account, team);
                }

                Sent relayed = SmtpSession.send(server, "alice@example.org", "relayed", "friend@remote.example");
                ledger.delivered(relayed, Place.sink(SMARTHOST));
                CapturedMessage captured = Deliveries.inSink(server, SMARTHOST, relayed);
                assertEquals("alice@example.org", captured.sender());
                assertEquals(List.of("friend@remote.example"), captured.recipients());
                assertEquals("mx1.example.org", captured.helo());
                assertTrue(captured.tls(), "relayed with STARTTLS, as tls: encrypt demands");
                assertEquals(Optional.of("example-org"), captured.authenticatedAs());
                assertEquals(Optional.of("example-dummy-password"), captured.authPassword());

                Deliveries.awaitIdle(server);
                ledger.assertBalanced(server);
                assertEquals(List.of("alice", "bob", "carol"), server.accountsWithMail());
                assertEquals(2, server.mailbox("alice").size());
                assertEquals(List.of(), server.mailbox("nosuchaccount"));
            }
        }
    }

    @Nested
    class OnJames extends Contract {
        @Override
        MailServer start() throws StartupException {
            return MailSystemRuntime.start(RuntimeOptions.sandboxed(FULL));
        }

        @Override
        ServerKind kind() {
            return ServerKind.JAMES;
        }
    }

    @Nested
    class OnPostfix extends Contract {
        @Override
        MailServer start() throws StartupException {
            return PostfixRuntime.start(PostfixOptions.of(FULL));
        }

        @Override
        ServerKind kind() {
            return ServerKind.POSTFIX;
        }
    }
}
