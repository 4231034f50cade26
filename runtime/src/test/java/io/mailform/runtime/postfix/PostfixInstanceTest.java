package io.mailform.runtime.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.mailform.delivery.Reply;
import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.scenario.ScenarioCases;

/**
 * What only a private Postfix instance shows, on examples/local-only.yaml (inet_protocols = ipv4, default_transport
 * = error): its one SMTP service on loopback, XCLIENT bound by inet_protocols, and no smtp client ever running. What
 * it does with mail is for the cases, which the suite runs on both servers. Needs root and Postfix; fails, never
 * skips, without them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostfixInstanceTest {
    private static final Path LOCAL_ONLY = Path.of("../examples/local-only.yaml");
    private static final Path LOCAL_ONLY_CASES = Path.of("../examples/scenarios/local-only.yaml");

    private RunningPostfix postfix;

    @BeforeAll
    void start() throws StartupException {
        postfix = PostfixRuntime.start(PostfixOptions.of(LOCAL_ONLY));
    }

    @AfterAll
    void stop() {
        if (postfix != null) {
            postfix.close();
        }
    }

    @Test
    void theOnlyInetServiceIsTheListenerOnLoopback() throws IOException {
        CommandResult services = Commands.run(List.of("postconf", "-c", postfix.configDirectory().toString(), "-M"));
        assertTrue(services.succeeded(), services::describe);
        List<String> inet = services.stdout().lines().filter(line -> line.split("\\s+")[1].equals("inet"))
            .map(line -> line.split("\\s+")[0]).toList();
        assertEquals(List.of("127.0.0.1:" + postfix.smtpPort()), inet, services.stdout());
    }

    /** With inet_protocols = ipv4 the host can have no IPv6 client, and smtpd will not stand for one either. */
    @Test
    void anIpv4OnlyInstanceRefusesAnIpv6ClientAddress() throws IOException {
        try (SmtpClient smtp = SmtpClient.connect(postfix.host(), postfix.smtpPort(), Duration.ofSeconds(20))) {
            smtp.command("EHLO client.example");
            Reply refused = smtp.command("XCLIENT ADDR=IPV6:2001:db8::9");
            assertEquals("501 5.5.4", refused.status());
            assertTrue(refused.text().startsWith("Bad ADDR syntax"), refused::toString);
            assertEquals(220, smtp.command("XCLIENT ADDR=203.0.113.9").code());
        }
    }

    /**
     * default_transport and relay_transport = error make smtpd refuse mail for other domains at once, so nothing is
     * queued for them and no smtp client runs, whatever the cases send.
     */
    @Test
    void noSmtpClientRunsWhateverIsSent() throws IOException {
        ScenarioCases.assertPassed(ScenarioCases.run(postfix, List.of(LOCAL_ONLY_CASES)));
        assertEquals(List.of(), postfix.sinks(), "no sink");
        assertFalse(postfix.maillog().contains("postfix/smtp["), "no smtp client ran:\n" + postfix.maillog());
    }
}
