package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

/**
 * Targets that Postfix's local(8) bounces for their syntax are errors: the forms below were sent to a private Postfix
 * 3.7.11 as alias targets, and each bounced with "bad address syntax" (docs/description.md).
 */
class AliasTargetMalformedTest {
    private static Checked aliases(String aliases) {
        return Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.org
                mail_name: example.org
                users: [alice, bob]
                aliases:
                %s""".formatted(aliases));
    }

    @Test
    void routingToNoValidDomainBounces() {
        aliases("  t: \"user%bad..domain\"\n").error(Code.ALIAS_TARGET_MALFORMED).at(7, 6)
                .says("Postfix reads it as user%bad..domain@example.org", "bad address syntax");
    }

    @Test
    void anEmptyDomainAfterRoutingBounces() {
        aliases("  t: [alice, \"a%\"]\n").error(Code.ALIAS_TARGET_MALFORMED).at(7, 14);
        aliases("  t: \"!x\"\n").error(Code.ALIAS_TARGET_MALFORMED).at(7, 6);
        aliases("  t: \"x%@example.org\"\n").error(Code.ALIAS_TARGET_MALFORMED).at(7, 6);
    }

    @Test
    void anAtWithoutUserOrDomainIsNoAddress() {
        aliases("  t: \"alice@\"\n").error(Code.ALIAS_TARGET_MALFORMED).at(7, 6).says("no domain comes after the @");
    }

    @Test
    void routingThatResolvesIsNoError() {
        Checked checked = aliases("""
                  out: "friend%remote.test"
                  bang: "remote.test!friend"
                  back: "alice%example.org"
                  twice: "friend@remote.test@example.org"
                """);
        checked.none(Code.ALIAS_TARGET_MALFORMED);
        checked.none(Code.ALIAS_TARGET_UNKNOWN);
    }

    @Test
    void aPlainNameIsJudgedByTheRulesOfTheMailName() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.org
                mail_name: example.org
                aliases:
                  t: alice
                """).none(Code.ALIAS_TARGET_MALFORMED);
    }
}
