package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class NameNotFqdnTest {
    @Test
    void bareHostname() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail
                mail_name: example.com
                """).error(Code.NAME_NOT_FQDN).at(3, 11)
                .says("hostname \"mail\"", "not fully qualified")
                .helps("mail.example.com");
    }

    @Test
    void bareMailName() {
        Checked.yaml("""
                version: 1
                mode: satellite
                hostname: host.example.com
                mail_name: example
                relay: {host: smtp.example.com}
                """).error(Code.NAME_NOT_FQDN).at(4, 12)
                .says("mail_name \"example\"")
                .helps("myorigin");
    }

    @Test
    void modeNoneWritesNoNames() {
        Checked.yaml("""
                version: 1
                mode: none
                hostname: mail
                """).none(Code.NAME_NOT_FQDN);
    }

    @Test
    void qualifiedNames() {
        Checked.yaml("""
                version: 1
                mode: local-only
                hostname: host.example.com
                mail_name: Example.COM.
                """).none(Code.NAME_NOT_FQDN);
    }
}
