package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class UserDuplicateTest {
    private static Checked users(String list) {
        return Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                users:
                %s""".formatted(list));
    }

    @Test
    void bareNameAndMappingOfTheSameUser() {
        users("  - alice\n  - bob\n  - name: alice\n    password_env: ALICE_IMAP_PASSWORD\n")
                .error(Code.USER_DUPLICATE).at(8, 5)
                .says("user alice is listed twice", "line 6")
                .helps("keep one entry for alice", "password_env");
    }

    @Test
    void twoMappingsOfTheSameUser() {
        users("  - name: alice\n    password_env: A\n  - name: alice\n    password_env: B\n")
                .error(Code.USER_DUPLICATE).at(8, 5).says("line 6");
    }

    @Test
    void bareNamesAndMappingsOfDistinctUsers() {
        users("  - alice\n  - name: bob\n  - carol\n").none(Code.USER_DUPLICATE);
    }
}
