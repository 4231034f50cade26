package io.mailform.runtime.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mailform.delivery.Outcome;
import io.mailform.delivery.Reply;
import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.scenario.TestMessage;
import io.mailform.runtime.server.MailServer;

/**
 * A probe's transaction on one server: connect from the client's loopback address, EHLO, XCLIENT and EHLO again when
 * the probe names its client so, MAIL FROM, each RCPT TO while MAIL was accepted, and DATA when a recipient was. The
 * addresses go out byte for byte as generated. A server that closes the connection instead of answering gets a reply
 * of 421 with the text {@value #CLOSED}, so that the two servers can still be compared.
 */
final class ProbeSession {
    static final String CLOSED = "(the server closed the connection)";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String HELO = "probe.mailform.test";

    private ProbeSession() {
    }

    static Outcome run(MailServer server, Probe probe, TestMessage message) throws IOException {
        try (SmtpClient smtp = SmtpClient.connect(server.host(), server.smtpPort(), probe.client().bindAddress(),
                TIMEOUT)) {
            expect(smtp.greeting(), 220, "the greeting", server);
            expect(smtp.command("EHLO " + HELO), 250, "EHLO", server);
            if (probe.client().xclientAddress().isPresent()) {
                String xclient = "XCLIENT ADDR=" + probe.client().xclientAddress().get();
                expect(smtp.command(xclient), 220, xclient, server);
                expect(smtp.command("EHLO " + HELO), 250, "EHLO after XCLIENT", server);
            }
            Reply mail = command(smtp, "MAIL FROM:", probe.sender());
            List<Reply> rcpt = new ArrayList<>();
            if (!mail.isPositive()) {
                return new Outcome(mail, rcpt, Optional.empty(), List.of());
            }
            boolean accepted = false;
            for (AddressGrammar.Generated recipient : probe.recipients()) {
                Reply reply = command(smtp, "RCPT TO:", recipient);
                rcpt.add(reply);
                accepted |= reply.isPositive();
                if (reply.text().equals(CLOSED)) {
                    break;
                }
            }
            Optional<Reply> data = accepted ? Optional.of(data(smtp, message)) : Optional.empty();
            return new Outcome(mail, rcpt, data, List.of());
        }
    }

    private static Reply command(SmtpClient smtp, String verb, AddressGrammar.Generated argument) {
        byte[] prefix = verb.getBytes(StandardCharsets.US_ASCII);
        byte[] address = argument.raw();
        byte[] line = new byte[prefix.length + address.length];
        System.arraycopy(prefix, 0, line, 0, prefix.length);
        System.arraycopy(address, 0, line, prefix.length, address.length);
        try {
            return smtp.command(line);
        } catch (IOException e) {
            return Reply.of(421, "", CLOSED);
        }
    }

    private static Reply data(SmtpClient smtp, TestMessage message) {
        try {
            return smtp.data(message.bytes());
        } catch (IOException e) {
            return Reply.of(421, "", CLOSED);
        }
    }

    /** A reply the session needs before the transaction starts; anything else stops the run: no probe is at fault. */
    private static void expect(Reply reply, int code, String what, MailServer server) throws IOException {
        if (reply.code() != code) {
            throw new IOException(server.kind().key() + " answered " + what + " with " + reply + " (expected "
                + code + ")");
        }
    }
}
