package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class AliasDuplicateTest {
    @Test
    void namesThatFoldToOne() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                aliases:
                  Admin: alice
                  webmaster: alice
                  admin: bob
                """).error(Code.ALIAS_DUPLICATE).at(8, 3)
                .says("\"admin\"", "\"Admin\" (line 6)", "keeps only the first")
                .helps("merge");
    }

    @Test
    void rootAliasBesideRootRecipient() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                root_recipient: alice
                aliases:
                  ROOT: bob
                """).error(Code.ALIAS_DUPLICATE).at(7, 3)
                .says("second root line", "root_recipient (line 5)")
                .helps("root_recipient");
    }

    @Test
    void distinctNamesAndRootWithoutRootRecipient() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                aliases:
                  admin: alice
                  admins: alice
                  root: alice
                  Postmaster: root
                """).none(Code.ALIAS_DUPLICATE);
    }
}
