package io.mailform.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.scenario.ScenarioCases;
import io.mailform.runtime.scenario.TestReport;

/**
 * One description, examples/full.yaml, started on James and on Postfix: once the engine has placed a few cases and
 * accounted for them, {@link MailServer} alone reads back the same on both, the mailboxes with the stored messages
 * (all of them, how many each holds, and the ones from some message on) and the sinks with what each next hop saw (HELO
 * name, envelope sender, login and password, TLS).
 */
class MailServerContractTest {
    private static final Path FULL = Path.of("../examples/full.yaml");
    private static final String SMARTHOST = "smtp.example.net:587";
    private static final String PARTNER = "10.30.0.5:2525";
    private static final Optional<String> LOGIN = Optional.of("example-org");
    private static final Optional<String> PASSWORD = Optional.of("example-dummy-password");
    private static final String BARE_SENDER = "a bare sender leaves with the mail name";
    private static final String CASES = """
          - name: a user receives from outside
            send: {client: outside, from: friend@remote.example, to: alice@example.org}
            expect: {delivered: [alice]}
          - name: an alias reaches three users
            send: {client: outside, from: friend@remote.example, to: team@example.org}
            expect: {delivered: [alice, bob, carol]}
          - name: a client inside relays through the smarthost
            send: {client: inside, from: alice@example.org, to: friend@remote.example}
            expect:
              relayed: [{via: smarthost, to: friend@remote.example, login: example-org, tls: true}]
          - name: %s
            send: {client: inside, from: root, to: friend@remote.example}
            expect:
              relayed: [{via: smarthost, to: friend@remote.example}]
          - name: a route with a login
            send: {client: inside, from: bob@example.org, to: orders@partner.example.com}
            expect:
              relayed: [{via: partner.example.com, to: orders@partner.example.com, login: example-org}]
        """.formatted(BARE_SENDER);

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void whatTheCasesPlacedReadsBackAlikeOnEitherServer(ServerKind kind) throws Exception {
        try (MailServer server = TestServers.start(kind, FULL)) {
            assertEquals(kind, server.kind());
            assertEquals("127.0.0.1", server.host());
            assertEquals(List.of(PARTNER, "lists.internal.example.org:25", SMARTHOST),
                server.sinks().stream().map(CaptureSink::name).toList());

            TestReport report = ScenarioCases.run(server, FULL, CASES);
            ScenarioCases.assertPassed(report);

            assertTrue(server.idle(), "idle once every copy is placed");
            assertEquals(List.of("alice", "bob", "carol"), server.accountsWithMail());
            List<byte[]> alice = server.mailbox("alice");
            assertEquals(2, alice.size());
            for (byte[] stored : alice) {
                String text = new String(stored, StandardCharsets.UTF_8);
                assertTrue(text.contains("\r\nSubject: "), "the message as sent, with CRLF line ends:\n" + text);
                // Each server adds one at delivery; they differ in the address (the original one on Postfix).
                assertTrue(text.matches("(?s)(.*\r\n)?Delivered-To: .*"), "the header added at delivery:\n" + text);
            }
            assertEquals(List.of(), server.mailbox("nosuchaccount"));
            assertEquals(Map.of("alice", 2, "bob", 1, "carol", 1), server.mailboxCounts());
            List<byte[]> second = server.mailbox("alice", 1);
            assertEquals(1, second.size());
            assertEquals(new String(alice.get(1), StandardCharsets.UTF_8), new String(second.get(0),
                StandardCharsets.UTF_8), "the messages from the second on");
            assertEquals(List.of(), server.mailbox("alice", 2));

            List<CapturedMessage> smarthost = server.sink(SMARTHOST).messages();
            assertEquals(2, smarthost.size());
            for (CapturedMessage captured : smarthost) {
                assertEquals("mx1.example.org", captured.helo());
                assertTrue(captured.tls(), "tls: encrypt");
                assertEquals(LOGIN, captured.authenticatedAs());
                assertEquals(PASSWORD, captured.authPassword());
                String sender = ScenarioCases.isCopyOf(BARE_SENDER, captured.text()) ? "root@example.org"
                    : "alice@example.org";
                assertEquals(sender, captured.sender());
            }
            assertEquals(PASSWORD, server.sink(PARTNER).messages().get(0).authPassword());
        }
    }
}
