package io.mailform.runtime.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
import io.mailform.runtime.scenario.Sent;
import io.mailform.runtime.scenario.SmtpSession;

/**
 * The sandbox of a private Postfix instance: a capture sink for every next hop, named as James's sandbox names it,
 * reached with the login and TLS level the compiled files give that next hop, and nothing changed in main.cf beyond
 * the listed overrides.
 */
class PostfixSandboxTest {
    private static final Optional<String> LOGIN = Optional.of("example-org");
    private static final Optional<String> PASSWORD = Optional.of("example-dummy-password");

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
                ledger.assertBalanced(postfix);
            } finally {
                postfix.close();
            }
        }

        CapturedMessage relayed(String sink, Sent sent) {
            ledger.delivered(sent, Place.sink(sink));
            return Deliveries.inSink(postfix, sink, sent);
        }
    }

    /**
     * examples/full.yaml: the smarthost [smtp.example.net]:587 with a login at tls: encrypt, the route
     * lists.example.org to [lists.internal.example.org] at may, partner.example.com to [10.30.0.5]:2525 with a login.
     */
    @Nested
    class Full extends Running {
        private static final String SMARTHOST = "smtp.example.net:587";
        private static final String LISTS = "lists.internal.example.org:25";
        private static final String PARTNER = "10.30.0.5:2525";

        @Override
        Path description() {
            return PostfixInstanceTest.example("full");
        }

        @Test
        void everyNextHopHasASinkNamedAsOnJames() {
            assertEquals(List.of(PARTNER, LISTS, SMARTHOST),
                postfix.sinks().stream().map(CaptureSink::name).toList());
        }

        @Test
        void theSmarthostGetsTheLoginOverTls() throws IOException {
            CapturedMessage captured = relayed(SMARTHOST, SmtpSession.send(postfix, "carol@example.org", "smarthost",
                "friend@remote.example"));
            assertEquals("carol@example.org", captured.sender());
            assertEquals(List.of("friend@remote.example"), captured.recipients());
            assertTrue(captured.tls(), "tls: encrypt");
            assertEquals(LOGIN, captured.authenticatedAs());
            assertEquals(PASSWORD, captured.authPassword());
            assertEquals("mx1.example.org", captured.helo());
        }

        @Test
        void aRouteWithALoginAuthenticates() throws IOException {
            CapturedMessage captured = relayed(PARTNER, SmtpSession.send(postfix, "bob@example.org", "partner",
                "orders@partner.example.com"));
            assertEquals(List.of("orders@partner.example.com"), captured.recipients());
            assertTrue(captured.tls());
            assertEquals(LOGIN, captured.authenticatedAs());
            assertEquals(PASSWORD, captured.authPassword());
        }

        @Test
        void aRouteWithoutALoginDoesNotAuthenticate() throws IOException {
            CapturedMessage captured = relayed(LISTS, SmtpSession.send(postfix, "alice@example.org", "lists",
                "announce@lists.example.org"));
            assertEquals(List.of("announce@lists.example.org"), captured.recipients());
            assertEquals(Optional.empty(), captured.authenticatedAs());
        }

        @Test
        void onlyTheListedOverridesAreMade() {
            Set<String> parameters = postfix.overrides().stream().filter(Setting.class::isInstance)
                .map(override -> ((Setting) override).parameter()).collect(Collectors.toSet());
            assertEquals(Set.of("queue_directory", "data_directory", "mail_spool_directory", "maillog_file",
                "maillog_file_prefixes", "myorigin", "alias_maps", "alias_database", "transport_maps",
                "smtp_sasl_password_maps", "smtp_tls_policy_maps", "relayhost", "smtp_host_lookup",
                "smtp_tls_CAfile", "smtpd_authorized_xclient_hosts", "smtpd_tls_security_level"), parameters);
            List<String> tables = postfix.overrides().stream().filter(TableChange.class::isInstance)
                .map(InstanceOverride::change).toList();
            int lists = postfix.sink(LISTS).port();
            int partner = postfix.sink(PARTNER).port();
            int smarthost = postfix.sink(SMARTHOST).port();
            assertEquals(List.of(
                "lists.example.org smtp:[lists.internal.example.org] -> smtp:[localhost]:" + lists,
                "partner.example.com smtp:[10.30.0.5]:2525 -> smtp:[localhost]:" + partner,
                "key [smtp.example.net]:587 -> [localhost]:" + smarthost,
                "key [10.30.0.5]:2525 -> [localhost]:" + partner,
                "key [lists.internal.example.org] -> [localhost]:" + lists), tables);
            postfix.overrides().forEach(override -> assertTrue(!override.reason().isBlank(), override::describe));
        }
    }

    /**
     * descriptions/smarthost-verified.yaml: the smarthost at tls: secure, a route at tls: verify. Postfix delivers
     * at these levels only after verifying the certificate, here the sinks' certificate of the sandbox's authority.
     */
    @Nested
    class VerifiedTls extends Running {
        @Override
        Path description() {
            return PostfixInstanceTest.testDescription("smarthost-verified");
        }

        @Test
        void theSecureLevelVerifiesTheSinkAsTheSmarthost() throws IOException {
            assertTrue(relayed("smtp.example.net:587", SmtpSession.send(postfix, "alice@example.net", "secure",
                "friend@remote.example")).tls());
        }

        @Test
        void theVerifyLevelVerifiesTheSinkAsTheRoute() throws IOException {
            assertTrue(relayed("mx.partner.example.com:25", SmtpSession.send(postfix, "alice@example.net", "verify",
                "orders@partner.example.com")).tls());
        }
    }
}
