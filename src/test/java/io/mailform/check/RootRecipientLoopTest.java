package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class RootRecipientLoopTest {
    @Test
    void aliasChainBackToRoot() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                root_recipient: admin
                aliases:
                  admin: [ops]
                  ops: [alice, ROOT@example.com]
                """).error(Code.ROOT_RECIPIENT_LOOP).at(5, 17)
                .says("root_recipient admin", "root -> admin -> ops -> root")
                .helps("does not forward to root");
    }

    @Test
    void postmasterIsRootByDefault() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                root_recipient: [alice, postmaster]
                """).error(Code.ROOT_RECIPIENT_LOOP).at(5, 25).says("root -> postmaster -> root");
    }

    @Test
    void rootAlone() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.org
                mail_name: example.org
                root_recipient: root
                """).error(Code.ROOT_RECIPIENT_LOOP).at(5, 17)
                .says("root -> root")
                .helps("root_recipient: alice");
    }

    @Test
    void rootAtALocalDomainIsRootToo() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.org
                mail_name: example.org
                root_recipient:
                  - ROOT@example.org
                  - root
                """).error(Code.ROOT_RECIPIENT_LOOP).at(6, 3).says("root -> root");
    }

    @Test
    void rootItselfKeepsACopyInRootsMailbox() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                root_recipient: [root, root@example.com, alice]
                aliases:
                  alice: alice@example.org
                """).none(Code.ROOT_RECIPIENT_LOOP);
    }

    @Test
    void rootAtAnotherDomainIsAnotherRoot() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                root_recipient: ops
                aliases:
                  ops: root@example.org
                """).none(Code.ROOT_RECIPIENT_LOOP);
    }
}
