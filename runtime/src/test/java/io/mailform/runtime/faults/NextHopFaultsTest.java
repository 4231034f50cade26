package io.mailform.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mailform.delivery.Reply;
import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.sandbox.SinkAnswer;
import io.mailform.runtime.server.BothServers;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.ServerKind;

/**
 * A smarthost in trouble, on James and on a private Postfix started from examples/internet-smarthost.yaml. While it
 * answers 4xx or is down, the mail stays queued, never silently dropped; once it takes mail again, the mail arrives
 * there exactly once. When it answers 5xx, the sender gets a bounce and the smarthost nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NextHopFaultsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SMARTHOST = "smtp.example.net:25";

    private BothServers servers;

    @BeforeAll
    void start() throws StartupException {
        servers = BothServers.start(Path.of("../examples/internet-smarthost.yaml"));
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @AfterEach
    void smarthostWorksAgain() throws Exception {
        for (ServerKind kind : ServerKind.values()) {
            CaptureSink sink = servers.get(kind).sink(SMARTHOST);
            sink.answer(SinkAnswer.ACCEPT);
            sink.resume();
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aDeferringSmarthostGetsTheMailOnceItTakesItAgain(ServerKind kind) throws Exception {
        MailServer server = servers.get(kind);
        CaptureSink smarthost = server.sink(SMARTHOST);
        smarthost.answer(SinkAnswer.DEFER);
        long deferredBefore = smarthost.answered(SinkAnswer.DEFER);
        String token = "deferred-" + kind;
        send(server, token);
        assertTrue(smarthost.awaitAnswered(SinkAnswer.DEFER, deferredBefore + 1, TIMEOUT),
                kind + " never tried the smarthost");
        Thread.sleep(1000);
        assertEquals(0, arrived(smarthost, token), kind + ": delivered although the smarthost said 450");
        assertTrue(server.pending() >= 1, kind + ": the deferred message is not kept");

        smarthost.answer(SinkAnswer.ACCEPT);
        server.flush();
        awaitArrival(server, smarthost, token);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aSmarthostThatIsDownGetsTheMailOnceItIsBack(ServerKind kind) throws Exception {
        MailServer server = servers.get(kind);
        CaptureSink smarthost = server.sink(SMARTHOST);
        smarthost.suspend();
        String token = "down-" + kind;
        send(server, token);
        Thread.sleep(3000); // the first attempt finds nobody listening
        assertTrue(server.pending() >= 1, kind + ": the message for a host that is down is not kept");

        smarthost.resume();
        server.flush();
        awaitArrival(server, smarthost, token);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aRefusingSmarthostBouncesTheMailToItsSender(ServerKind kind) throws Exception {
        MailServer server = servers.get(kind);
        CaptureSink smarthost = server.sink(SMARTHOST);
        smarthost.answer(SinkAnswer.REFUSE);
        String token = "refused-" + kind;
        send(server, token);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!mailboxText(server, "admin").contains(token)) {
            assertTrue(System.nanoTime() < deadline, kind + ": no bounce reached the sender");
            Thread.sleep(200);
        }
        awaitIdle(server);
        assertEquals(0, arrived(smarthost, token), kind + ": the smarthost has a message it refused");
        String bounces = mailboxText(server, "admin");
        assertTrue(bounces.contains("550 5.1.1"), kind + ": the bounce does not give the smarthost's reply:\n"
                + bounces);
    }

    private static void send(MailServer server, String token) throws Exception {
        try (SmtpClient smtp = SmtpClient.connect(server.host(), server.smtpPort(), TIMEOUT)) {
            assertEquals(220, smtp.greeting().code());
            expect(250, smtp.command("EHLO client.example.com"));
            expect(250, smtp.command("MAIL FROM:<admin@example.com>"));
            expect(250, smtp.command("RCPT TO:<friend@remote.example>"));
            expect(250, smtp.data(("From: admin@example.com\r\nTo: friend@remote.example\r\nSubject: " + token
                    + "\r\n\r\n" + token + "\r\n").getBytes(StandardCharsets.US_ASCII)));
            expect(221, smtp.command("QUIT"));
        }
    }

    private static void awaitArrival(MailServer server, CaptureSink smarthost, String token) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (arrived(smarthost, token) == 0) {
            assertTrue(System.nanoTime() < deadline, server.kind() + ": " + token + " never reached the smarthost");
            Thread.sleep(200);
        }
        awaitIdle(server);
        assertEquals(1, arrived(smarthost, token), server.kind() + ": " + token + " reached the smarthost twice");
    }

    private static long arrived(CaptureSink sink, String token) {
        List<CapturedMessage> messages = sink.messages();
        return messages.stream().filter(message -> message.text().contains("Subject: " + token)).count();
    }

    private static String mailboxText(MailServer server, String account) throws Exception {
        StringBuilder text = new StringBuilder();
        for (byte[] message : server.mailbox(account)) {
            text.append(new String(message, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static void awaitIdle(MailServer server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!server.idle()) {
            assertTrue(System.nanoTime() < deadline, server.kind() + " still delivering after a minute");
            Thread.sleep(200);
        }
    }

    private static void expect(int code, Reply reply) {
        assertEquals(code, reply.code(), reply.toString());
    }
}
