package io.mailform.runtime.scenario;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mailform.delivery.Outcome;
import io.mailform.delivery.Reply;
import io.mailform.model.IpAddress;
import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.server.MailServer;
import io.mailform.scenario.Send;

/**
 * One SMTP transaction of a case against a server: EHLO, XCLIENT when the case's client is another address or
 * logged in (both servers honour it from loopback, so that one test host can be any client), EHLO again, MAIL FROM
 * with SIZE, each RCPT TO, and DATA when a recipient was accepted.
 */
final class TransactionRunner {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String LOOPBACK = "127.0.0.1";

    Outcome run(MailServer server, Send send, IpAddress client, TestMessage message) throws IOException {
        try (SmtpClient smtp = SmtpClient.connect(server.host(), server.smtpPort(), TIMEOUT)) {
            expect(smtp.greeting(), 220, "the greeting");
            expect(smtp.command("EHLO " + send.helo()), 250, "EHLO");
            if (!client.text().equals(LOOPBACK) || send.login().isPresent()) {
                StringBuilder xclient = new StringBuilder("XCLIENT ADDR=")
                    .append(client.isIpv6() ? "IPV6:" + client.text() : client.text());
                send.login().ifPresent(login -> xclient.append(" LOGIN=").append(login));
                expect(smtp.command(xclient.toString()), 220, xclient.toString());
                expect(smtp.command("EHLO " + send.helo()), 250, "EHLO after XCLIENT");
            }
            Reply mail = smtp.command("MAIL FROM:<" + send.from() + "> SIZE=" + message.bytes().length);
            List<Reply> rcpt = new ArrayList<>();
            if (!mail.isPositive()) {
                return new Outcome(mail, rcpt, Optional.empty(), List.of());
            }
            boolean accepted = false;
            for (String recipient : send.to()) {
                Reply reply = smtp.command("RCPT TO:<" + recipient + ">");
                rcpt.add(reply);
                accepted |= reply.isPositive();
            }
            Optional<Reply> data = accepted ? Optional.of(smtp.data(message.bytes())) : Optional.empty();
            return new Outcome(mail, rcpt, data, List.of());
        }
    }

    /** A reply the session needs before the transaction starts; anything else is a failure of the run. */
    private static void expect(Reply reply, int code, String what) throws IOException {
        if (reply.code() != code) {
            throw new IOException(what + " was answered " + reply + " (expected " + code + ")");
        }
    }
}
