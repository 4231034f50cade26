package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class RelayAuthWeakTlsTest {
    private static Checked smarthost(String relay) {
        return Checked.yaml("""
                version: 1
                mode: internet-smarthost
                hostname: mail.example.com
                mail_name: example.com
                relay:
                  host: smtp.example.net
                %s""".formatted(relay));
    }

    @Test
    void defaultTlsWithAuth() {
        smarthost("  auth:\n    username: mailer\n    password_env: RELAY_PASSWORD\n")
                .warning(Code.RELAY_AUTH_WEAK_TLS).at(8, 5)
                .says("relay logs in as mailer", "tls: may (the default)", "unencrypted")
                .helps("tls: encrypt");
    }

    @Test
    void explicitNoTlsWithAuth() {
        smarthost("  tls: none\n  auth: {username: mailer, password_file: /etc/mailform/relay.pw}\n")
                .warning(Code.RELAY_AUTH_WEAK_TLS).at(7, 8).says("tls: none");
    }

    @Test
    void routeWithAuth() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                routes:
                  partner.example:
                    host: smtp.partner.example
                    tls: may
                    auth: {username: us, password_env: PARTNER_PASSWORD}
                """).warning(Code.RELAY_AUTH_WEAK_TLS).at(8, 10).says("the route for partner.example logs in as us");
    }

    @Test
    void encryptedOrWithoutPassword() {
        smarthost("  tls: encrypt\n  auth: {username: mailer, password_env: RELAY_PASSWORD}\n")
                .none(Code.RELAY_AUTH_WEAK_TLS);
        smarthost("  tls: secure\n  auth: {username: mailer, password_env: RELAY_PASSWORD}\n")
                .none(Code.RELAY_AUTH_WEAK_TLS);
        smarthost("  tls: none\n").none(Code.RELAY_AUTH_WEAK_TLS);
    }
}
