package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class MailboxLimitTooSmallTest {
    private static Checked limits(String limits) {
        return Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                %s""".formatted(limits));
    }

    @Test
    void mailboxSmallerThanMessage() {
        limits("mailbox_size_limit: 1000000\nmessage_size_limit: 20MB\n").error(Code.MAILBOX_LIMIT_TOO_SMALL)
                .at(5, 21)
                .says("1000000 bytes", "20000000 bytes", "refuses to start")
                .helps("at least 20000000 bytes", "mailbox_size_limit: 0");
    }

    @Test
    void mailboxSmallerThanPostfixDefault() {
        limits("mailbox_size_limit: 5MB\n").error(Code.MAILBOX_LIMIT_TOO_SMALL).at(5, 21)
                .says("10240000 bytes, Postfix's default");
    }

    @Test
    void messageWithoutLimit() {
        limits("message_size_limit: 0\nmailbox_size_limit: 5MB\n").error(Code.MAILBOX_LIMIT_TOO_SMALL).at(6, 21)
                .says("0 (no limit)");
    }

    @Test
    void limitsThatFit() {
        limits("mailbox_size_limit: 0\nmessage_size_limit: 0\n").none(Code.MAILBOX_LIMIT_TOO_SMALL);
        limits("mailbox_size_limit: 10240000\n").none(Code.MAILBOX_LIMIT_TOO_SMALL);
        limits("mailbox_size_limit: 20MB\nmessage_size_limit: 20000000\n").none(Code.MAILBOX_LIMIT_TOO_SMALL);
    }
}
