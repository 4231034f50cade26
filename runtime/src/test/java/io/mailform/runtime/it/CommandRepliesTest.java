package io.mailform.runtime.it;

import static io.mailform.runtime.it.Replies.assertReply;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.mailform.runtime.junit.MailSystem;
import io.mailform.runtime.server.RunningMailSystem;

/**
 * Command sequence and syntax replies of examples/internet-site.yaml, each the code and enhanced status that Postfix
 * 3.7.11 gave for the same description: the last command of each dialog gets the reply shown.
 */
@MailSystem("../examples/internet-site.yaml")
class CommandRepliesTest {
    private final RunningMailSystem system;

    CommandRepliesTest(RunningMailSystem system) {
        this.system = system;
    }

    static List<Arguments> dialogs() {
        return List.of(
            dialog("250 2.1.0", "MAIL FROM:<a@b.example>"),
            dialog("503 5.5.1", "EHLO client.example", "RCPT TO:<alice@example.org>"),
            dialog("503 5.5.1", "EHLO client.example", "MAIL FROM:<a@b.example>", "MAIL FROM:<a@b.example>"),
            dialog("250 2.1.0", "EHLO client.example", "MAIL FROM:a@b.example"),
            dialog("250 2.1.0", "EHLO client.example", "MAIL FROM: <a@b.example>"),
            dialog("501 5.1.7", "EHLO client.example", "MAIL FROM:<a b@b.example>"),
            dialog("555 5.5.4", "EHLO client.example", "MAIL FROM:<a@b.example> FOO=bar"),
            dialog("250 2.1.0", "EHLO client.example", "MAIL FROM:<a@b.example> BODY=8BITMIME"),
            dialog("501 5.5.4", "EHLO client.example", "MAIL FROM:<a@b.example> SIZE=abc"),
            dialog("552 5.3.4", "EHLO client.example", "MAIL FROM:<a@b.example> SIZE=10240001"),
            dialog("250 2.1.0", "EHLO client.example", "MAIL FROM:<a@b.example> SIZE=10240000"),
            dialog("501 5.5.4", "EHLO client.example", "MAIL TO:<a@b.example>"),
            dialog("250 2.1.5", "EHLO client.example", "MAIL FROM:<a@b.example>", "RCPT TO:alice@example.org"),
            dialog("250 2.1.5", "EHLO client.example", "MAIL FROM:<a@b.example>", "RCPT TO: <alice@example.org>"),
            dialog("555 5.5.4", "EHLO client.example", "MAIL FROM:<a@b.example>", "RCPT TO:<alice@example.org> X=1"),
            dialog("501 5.5.4", "EHLO client.example", "MAIL FROM:<a@b.example>", "RCPT"),
            dialog("554 5.5.1", "EHLO client.example", "MAIL FROM:<a@b.example>", "DATA"),
            dialog("503 5.5.1", "EHLO client.example", "DATA"),
            dialog("503 5.5.1", "EHLO client.example", "AUTH PLAIN AGFsaWNlAHNlY3JldA=="),
            dialog("503 5.5.1", "EHLO client.example", "AUTH"),
            dialog("500 5.5.2", "EHLO client.example", "FOO bar"),
            dialog("500 5.5.2", "EHLO client.example", "HELP"),
            dialog("500 5.5.2", "EHLO client.example", "EXPN root"),
            dialog("501", "EHLO"),
            dialog("501", "HELO"),
            dialog("250", "HELO client.example"),
            dialog("252 2.0.0", "EHLO client.example", "VRFY alice"),
            dialog("252 2.0.0", "EHLO client.example", "VRFY <alice@example.org>"),
            dialog("252 2.0.0", "EHLO client.example", "VRFY www-data"),
            dialog("252 2.0.0", "EHLO client.example", "VRFY friend@remote.test"),
            dialog("550 5.1.1", "EHLO client.example", "VRFY nosuch"),
            dialog("501 5.1.3", "EHLO client.example", "VRFY john doe"),
            dialog("501 5.5.4", "EHLO client.example", "VRFY"),
            dialog("454 4.7.1", "EHLO client.example", "XCLIENT ADDR=203.0.113.9", "VRFY friend@remote.test"),
            dialog("502 5.5.1", "EHLO client.example", "STARTTLS"),
            dialog("250 2.0.0", "NOOP"),
            dialog("250 2.0.0", "RSET"));
    }

    private static Arguments dialog(String reply, String... commands) {
        return Arguments.of(String.join(" / ", commands), reply, List.of(commands));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dialogs")
    void repliesAsPostfix(String name, String expected, List<String> commands) throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(system.host(), system.smtpPort())) {
            String reply = null;
            for (String command : commands) {
                reply = smtp.command(command);
            }
            assertReply(expected, reply);
        }
    }
}
