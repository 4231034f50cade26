package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class PostfixUnknownParameterTest {
    private static Checked withPostfix(String parameters) {
        return Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                postfix:
                %s""".formatted(parameters));
    }

    @Test
    void misspelledParameter() {
        withPostfix("  smtpd_tls_security_levle: encrypt\n").error(Code.POSTFIX_UNKNOWN_PARAMETER).at(6, 3)
                .says("\"smtpd_tls_security_levle\"", "not a Postfix 3.7 parameter")
                .helps("did you mean \"smtpd_tls_security_level\"?");
    }

    @Test
    void ownNameNobodyReferences() {
        withPostfix("  smtp_helo_name: mail.example.com\n  site_greeting_text: hello\n")
                .error(Code.POSTFIX_UNKNOWN_PARAMETER).at(7, 3).helps("postconf(5)", "$site_greeting_text");
    }

    @Test
    void ownNamesReferencedByAnotherParameter() {
        withPostfix("  my_helo: mail.example.com\n  my_banner: ESMTP\n  smtp_helo_name: $my_helo\n"
                + "  smtpd_banner: \"${my_banner} ready\"\n").none(Code.POSTFIX_UNKNOWN_PARAMETER);
    }

    @Test
    void aNameReferencingOnlyItselfIsStillUnknown() {
        withPostfix("  my_loop: $my_loop\n").error(Code.POSTFIX_UNKNOWN_PARAMETER).at(6, 3);
    }

    @Test
    void knownParameters() {
        withPostfix("  smtpd_banner: $myhostname ESMTP\n  smtp_tls_CApath: /etc/ssl/certs\n"
                + "  disable_vrfy_command: true\n")
                .none(Code.POSTFIX_UNKNOWN_PARAMETER);
    }
}
