package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class PostfixMacrosTest {
    private static Checked postfix(String parameters) {
        return Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                postfix:
                %s""".formatted(parameters));
    }

    @Test
    void aDollarBeforeNoNameStopsPostfix() {
        postfix("  smtpd_banner: \"$myhostname costs 5$\"\n").error(Code.POSTFIX_MACRO_SYNTAX).at(6, 17)
                .says("postfix.smtpd_banner", "macro processing error", "at the end")
                .helps("$$");
    }

    @Test
    void anUnclosedBracketStopsPostfix() {
        postfix("  smtpd_banner: \"${myhostname ESMTP\"\n").error(Code.POSTFIX_MACRO_SYNTAX)
                .says("truncated macro reference");
    }

    @Test
    void aReferenceToNoParameterIsAnError() {
        postfix("  smtpd_banner: \"$myhostnme ESMTP\"\n").error(Code.POSTFIX_UNDEFINED_REFERENCE).at(6, 17)
                .says("$myhostnme", "undefined parameter: myhostnme")
                .helps("myhostname");
    }

    @Test
    void referencesToParametersDefinedHereOrByPostfixAndLiteralDollars() {
        postfix("  smtpd_banner: \"${myhostname?{$myhostname}} $$ $(mail_name) $site_banner\"\n"
                + "  site_banner: ESMTP\n").none(Code.POSTFIX_UNDEFINED_REFERENCE).none(Code.POSTFIX_MACRO_SYNTAX);
    }

    @Test
    void aDoubledDollarIsNoReference() {
        postfix("  smtpd_banner: \"$$HOME\"\n").none(Code.POSTFIX_UNDEFINED_REFERENCE);
    }
}
