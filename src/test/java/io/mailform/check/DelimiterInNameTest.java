package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class DelimiterInNameTest {
    private static Checked names(String rest) {
        return Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                %s""".formatted(rest));
    }

    @Test
    void userNameWithTheDelimiter() {
        names("users:\n  - name: first+last\n").warning(Code.DELIMITER_IN_NAME).at(6, 11)
                .says("user name \"first+last\"", "\"+\"", "user \"first\"")
                .helps("first.last", "recipient_delimiter");
    }

    @Test
    void bareUserNameWithTheDelimiter() {
        names("users: [alice, first+last]\n").warning(Code.DELIMITER_IN_NAME).at(5, 16)
                .says("user name \"first+last\"");
    }

    @Test
    void aliasNameWithOneOfSeveralDelimiters() {
        names("recipient_delimiter: \"+-\"\naliases:\n  first-last: alice\n").warning(Code.DELIMITER_IN_NAME)
                .at(7, 3).says("alias name \"first-last\"", "\"-\"");
    }

    @Test
    void namesPostfixNeverSplits() {
        names("recipient_delimiter: \"-\"\naliases:\n  owner-list: alice\n  list-request: alice\n"
                + "  mailer-daemon: postmaster\n  -lead: alice\n").none(Code.DELIMITER_IN_NAME);
    }

    @Test
    void noDelimiterNoProblem() {
        names("recipient_delimiter: \"\"\nusers:\n  - name: first+last\n").none(Code.DELIMITER_IN_NAME);
        names("users:\n  - name: first.last\n").none(Code.DELIMITER_IN_NAME);
    }
}
