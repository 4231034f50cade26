package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class AliasTargetUnknownTest {
    private static Checked withUsers(String rest) {
        return Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                users:
                  - name: alice
                  - name: bob
                %s""".formatted(rest));
    }

    @Test
    void misspelledUser() {
        withUsers("aliases:\n  it: [bob, alcie]\n").warning(Code.ALIAS_TARGET_UNKNOWN).at(9, 13)
                .says("\"alcie\"", "not a user, an alias or a system account")
                .helps("did you mean \"alice\"?");
    }

    @Test
    void unknownNameAtALocalDomain() {
        withUsers("aliases:\n  it: carol@example.com\n").warning(Code.ALIAS_TARGET_UNKNOWN).at(9, 7)
                .says("carol@example.com")
                .helps("add carol to users");
    }

    @Test
    void anAliasNamingItselfNeedsAMailbox() {
        withUsers("aliases:\n  sales: [sales, bob]\n").warning(Code.ALIAS_TARGET_UNKNOWN).at(9, 11).says("\"sales\"");
    }

    @Test
    void rootRecipientTargetsToo() {
        withUsers("root_recipient: [alice, bbo]\n").warning(Code.ALIAS_TARGET_UNKNOWN).at(8, 25)
                .helps("did you mean \"bob\"?");
    }

    @Test
    void usersAliasesRootExtensionsAndRemoteAddresses() {
        withUsers("""
                root_recipient: [alice, root]
                aliases:
                  it: [Alice, bob+it, root, team, carol@example.org]
                  team: [alice, bob]
                  alice: [alice, alice@backup.example.org]
                """).none(Code.ALIAS_TARGET_UNKNOWN);
    }

    @Test
    void systemAccountsAreKnownAsOnEveryDebianHost() {
        withUsers("aliases:\n  web: [www-data, Nobody, postfix+x]\n").none(Code.ALIAS_TARGET_UNKNOWN);
    }

    @Test
    void withoutUsersNothingIsChecked() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                aliases:
                  it: [alcie]
                """).none(Code.ALIAS_TARGET_UNKNOWN);
    }

    @Test
    void anEmptyUserListStillKnowsRootAndAliases() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                users: []
                aliases:
                  it: [root, postmaster]
                """).none(Code.ALIAS_TARGET_UNKNOWN);
    }
}
