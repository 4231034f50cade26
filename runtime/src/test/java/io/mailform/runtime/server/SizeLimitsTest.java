package io.mailform.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.scenario.ScenarioCases;

/**
 * descriptions/internet-site-limits.yaml (message_size_limit 100KiB, mailbox_size_limit 250KiB) on James and on
 * Postfix, beyond what its cases show: a message over the limit that MAIL FROM did not announce, and the bounce a
 * full mailbox sends.
 */
class SizeLimitsTest {
    private static final Path LIMITS = Path.of("src/test/resources/descriptions/internet-site-limits.yaml");
    private static final String CASES = """
          - name: two messages fit into the mailbox, the third bounces to its sender
            send: {client: inside, from: sender@remote.example, to: carol@example.org, size: 90KiB, repeat: 3}
            expect:
              delivered: {carol: 2}
              bounced: sender@remote.example
        """;

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void anUnannouncedOversizeMessageIsRefusedAtItsEndAndAFullMailboxBouncesWithStatus522(ServerKind kind)
            throws Exception {
        try (MailServer server = TestServers.start(kind, LIMITS)) {
            try (SmtpClient smtp = SmtpClient.connect(server.host(), server.smtpPort(), Duration.ofSeconds(20))) {
                smtp.command("EHLO client.example");
                assertEquals(250, smtp.command("MAIL FROM:<someone@remote.example>").code());
                assertEquals(250, smtp.command("RCPT TO:<alice@example.org>").code());
                String body = ("x".repeat(998) + "\r\n").repeat(110 * 1024 / 1000);
                byte[] message = ("Subject: oversize\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
                assertEquals("552 5.3.4", smtp.data(message).status());
            }
            // The ledger of these cases also finds the refused message, should any copy of it arrive anywhere.
            ScenarioCases.assertPassed(ScenarioCases.run(server, LIMITS, CASES));
            List<CapturedMessage> bounces = server.sink("direct").messages();
            assertEquals(1, bounces.size());
            CapturedMessage bounce = bounces.get(0);
            assertEquals("", bounce.sender(), "a bounce has the null sender");
            assertEquals(List.of("sender@remote.example"), bounce.recipients());
            assertTrue(bounce.text().contains("Status: 5.2.2"), "mailbox full, as local(8) reports it:\n"
                + bounce.text());
        }
    }
}
