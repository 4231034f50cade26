package io.mailform.runtime.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.mailform.delivery.Reply;
import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.server.BothServers;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.ServerKind;

/**
 * Command syntax and sequence replies of examples/internet-site.yaml, on James and on Postfix: the last command of
 * each dialog gets the code and enhanced status Postfix 3.7.11 gave for the same description. These are what a
 * case cannot send: malformed commands, commands out of order, commands other than a transaction's. No dialog
 * completes a transaction, so nothing is delivered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandRepliesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private BothServers servers;

    @BeforeAll
    void start() throws StartupException {
        servers = BothServers.start(Path.of("../examples/internet-site.yaml"));
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    static List<Arguments> dialogs() {
        List<Arguments> dialogs = new ArrayList<>();
        for (ServerKind kind : ServerKind.values()) {
            dialogs.add(dialog(kind, "250 2.1.0", "MAIL FROM:<a@b.example>"));
            dialogs.add(dialog(kind, "503 5.5.1", "EHLO client.example", "RCPT TO:<alice@example.org>"));
            dialogs.add(dialog(kind, "503 5.5.1", "EHLO client.example", "MAIL FROM:<a@b.example>",
                "MAIL FROM:<a@b.example>"));
            dialogs.add(dialog(kind, "250 2.1.0", "EHLO client.example", "MAIL FROM:a@b.example"));
            dialogs.add(dialog(kind, "250 2.1.0", "EHLO client.example", "MAIL FROM: <a@b.example>"));
            dialogs.add(dialog(kind, "501 5.1.7", "EHLO client.example", "MAIL FROM:<a b@b.example>"));
            dialogs.add(dialog(kind, "555 5.5.4", "EHLO client.example", "MAIL FROM:<a@b.example> FOO=bar"));
            // The sender is read before the parameters; an address that begins with '-' is bad syntax.
            dialogs.add(dialog(kind, "501 5.1.7", "EHLO client.example", "MAIL FROM:<-> FOO=bar"));
            dialogs.add(dialog(kind, "501 5.1.7", "EHLO client.example", "MAIL FROM:<-a@b.example>"));
            dialogs.add(dialog(kind, "501 5.1.3", "EHLO client.example", "MAIL FROM:<a@b.example>",
                "RCPT TO:<-alice@example.org>"));
            // RFC 822's parser: empty addresses around a comma count for nothing, a colon is kept.
            dialogs.add(dialog(kind, "250 2.1.5", "EHLO client.example", "MAIL FROM:<a@b.example>",
                "RCPT TO:<,alice@example.org>"));
            dialogs.add(dialog(kind, "550 5.1.1", "EHLO client.example", "MAIL FROM:<a@b.example>",
                "RCPT TO:<li:st@example.org>"));
            dialogs.add(dialog(kind, "501 5.1.3", "EHLO client.example", "MAIL FROM:<a@b.example>",
                "RCPT TO:<alice@example.org,bob@example.org>"));
            // A literal that holds no address is no local domain, whatever name it holds.
            dialogs.add(dialog(kind, "501 5.1.3", "EHLO client.example", "MAIL FROM:<a@b.example>",
                "RCPT TO:<@[example.org]:nosuch!user@[example.org]>"));
            dialogs.add(dialog(kind, "250 2.1.0", "EHLO client.example", "MAIL FROM:<a@b.example> BODY=8BITMIME"));
            dialogs.add(dialog(kind, "501 5.5.4", "EHLO client.example", "MAIL FROM:<a@b.example> SIZE=abc"));
            dialogs.add(dialog(kind, "552 5.3.4", "EHLO client.example", "MAIL FROM:<a@b.example> SIZE=10240001"));
            dialogs.add(dialog(kind, "250 2.1.0", "EHLO client.example", "MAIL FROM:<a@b.example> SIZE=10240000"));
            dialogs.add(dialog(kind, "501 5.5.4", "EHLO client.example", "MAIL TO:<a@b.example>"));
            dialogs.add(dialog(kind, "250 2.1.5", "EHLO client.example", "MAIL FROM:<a@b.example>",
                "RCPT TO:alice@example.org"));
            dialogs.add(dialog(kind, "250 2.1.5", "EHLO client.example", "MAIL FROM:<a@b.example>",
                "RCPT TO: <alice@example.org>"));
            dialogs.add(dialog(kind, "555 5.5.4", "EHLO client.example", "MAIL FROM:<a@b.example>",
                "RCPT TO:<alice@example.org> X=1"));
            dialogs.add(dialog(kind, "501 5.5.4", "EHLO client.example", "MAIL FROM:<a@b.example>", "RCPT"));
            // Recipients a case cannot write: empty, unbalanced, and "@" (which mailform's oracle cannot read).
            dialogs.add(dialog(kind, "501 5.1.3", "EHLO client.example", "MAIL FROM:<a@b.example>", "RCPT TO:<>"));
            dialogs.add(dialog(kind, "501 5.1.3", "EHLO client.example", "MAIL FROM:<a@b.example>",
                "RCPT TO:<alice@example.org"));
            dialogs.add(dialog(kind, "501 5.1.3", "EHLO client.example", "MAIL FROM:<a@b.example>", "RCPT TO:<@>"));
            // Accepted alike; where the mail then goes differs (an address literal loses its brackets on James).
            dialogs.add(dialog(kind, "250 2.1.5", "EHLO client.example", "MAIL FROM:<a@b.example>",
                "RCPT TO:<friend@[192.0.2.1]>"));
            dialogs.add(dialog(kind, "554 5.5.1", "EHLO client.example", "MAIL FROM:<a@b.example>", "DATA"));
            dialogs.add(dialog(kind, "503 5.5.1", "EHLO client.example", "DATA"));
            dialogs.add(dialog(kind, "503 5.5.1", "EHLO client.example", "AUTH PLAIN AGFsaWNlAHNlY3JldA=="));
            dialogs.add(dialog(kind, "503 5.5.1", "EHLO client.example", "AUTH"));
            dialogs.add(dialog(kind, "500 5.5.2", "EHLO client.example", "FOO bar"));
            dialogs.add(dialog(kind, "500 5.5.2", "EHLO client.example", "HELP"));
            dialogs.add(dialog(kind, "500 5.5.2", "EHLO client.example", "EXPN root"));
            dialogs.add(dialog(kind, "501", "EHLO"));
            dialogs.add(dialog(kind, "501", "HELO"));
            dialogs.add(dialog(kind, "250", "HELO client.example"));
            dialogs.add(dialog(kind, "252 2.0.0", "EHLO client.example", "VRFY alice"));
            dialogs.add(dialog(kind, "252 2.0.0", "EHLO client.example", "VRFY <alice@example.org>"));
            dialogs.add(dialog(kind, "252 2.0.0", "EHLO client.example", "VRFY www-data"));
            dialogs.add(dialog(kind, "252 2.0.0", "EHLO client.example", "VRFY friend@remote.test"));
            dialogs.add(dialog(kind, "550 5.1.1", "EHLO client.example", "VRFY nosuch"));
            dialogs.add(dialog(kind, "501 5.1.3", "EHLO client.example", "VRFY john doe"));
            dialogs.add(dialog(kind, "501 5.5.4", "EHLO client.example", "VRFY"));
            dialogs.add(dialog(kind, "454 4.7.1", "EHLO client.example", "XCLIENT ADDR=203.0.113.9",
                "VRFY friend@remote.test"));
            dialogs.add(dialog(kind, "250 2.0.0", "NOOP"));
            dialogs.add(dialog(kind, "250 2.0.0", "RSET"));
        }
        return dialogs;
    }

    private static Arguments dialog(ServerKind kind, String reply, String... commands) {
        return Arguments.of(kind, String.join(" / ", commands), reply, List.of(commands));
    }

    @ParameterizedTest(name = "{0}: {1}: {2}")
    @MethodSource("dialogs")
    void repliesAsPostfix(ServerKind kind, String name, String expected, List<String> commands) throws Exception {
        MailServer server = servers.get(kind);
        try (SmtpClient smtp = SmtpClient.connect(server.host(), server.smtpPort(), TIMEOUT)) {
            Reply reply = smtp.greeting();
            for (String command : commands) {
                reply = smtp.command(command);
            }
            assertEquals(expected, reply.status(), reply::toString);
        }
    }

    /**
     * The runtime's listener on loopback has no TLS. (A private Postfix offers STARTTLS where the host has the
     * certificate its main.cf names, so its reply depends on the host.)
     */
    @Test
    void startTlsIsNotImplementedOnJames() throws Exception {
        MailServer james = servers.get(ServerKind.JAMES);
        try (SmtpClient smtp = SmtpClient.connect(james.host(), james.smtpPort(), TIMEOUT)) {
            smtp.command("EHLO client.example");
            assertEquals("502 5.5.1", smtp.command("STARTTLS").status());
        }
    }
}
