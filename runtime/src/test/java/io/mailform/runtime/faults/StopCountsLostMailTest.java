package io.mailform.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.SinkAnswer;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.ServerKind;
import io.mailform.runtime.server.TestServers;

/**
 * Stopping a server that still holds mail it could not deliver (the smarthost defers it) counts exactly that mail as
 * lost, which {@code run} then reports; SigtermUnderLoadTest shows the count is zero when all was delivered.
 */
class StopCountsLostMailTest {
    private static final int DEFERRED = 3;

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void stoppingWithDeferredMailCountsIt(ServerKind kind) throws Exception {
        MailServer server = TestServers.start(kind, Path.of("../examples/internet-smarthost.yaml"));
        try {
            CaptureSink smarthost = server.sink("smtp.example.net:25");
            smarthost.answer(SinkAnswer.DEFER);
            for (int i = 0; i < DEFERRED; i++) {
                try (SmtpClient smtp = SmtpClient.connect(server.host(), server.smtpPort(), Duration.ofSeconds(30))) {
                    smtp.command("EHLO client.example.com");
                    assertEquals(250, smtp.command("MAIL FROM:<admin@example.com>").code());
                    assertEquals(250, smtp.command("RCPT TO:<friend" + i + "@remote.example>").code());
                    assertEquals(250, smtp.data(("Subject: lost " + i + "\r\n\r\nbody\r\n")
                            .getBytes(StandardCharsets.US_ASCII)).code());
                }
            }
            assertTrue(smarthost.awaitAnswered(SinkAnswer.DEFER, DEFERRED, Duration.ofSeconds(60)),
                    kind + " did not try the smarthost");
            assertEquals(DEFERRED, server.stop(Duration.ofSeconds(2)), kind + ": the messages lost at stop");
        } finally {
            server.close();
        }
    }
}
