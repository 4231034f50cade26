package io.mailform.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What Debian's installer writes when its questions are left at their defaults must compile: no errors, and only
 * the warnings the rules mean to give (a satellite that keeps its mail name local).
 */
class DefaultShapesTest {
    @ParameterizedTest(name = "{0} with hostname {1} and mail name {2}")
    @CsvSource({
            // Debian's default mail name is the host's own FQDN
            "internet-site, mail.example.org, mail.example.org, ''",
            "internet-smarthost, mail.example.org, mail.example.org, ''",
            "satellite, mail.example.org, mail.example.org, satellite-local-mail-name",
            "local-only, mail.example.org, mail.example.org, ''",
            // the mail name is the host's domain
            "internet-site, host.example.org, example.org, ''",
            "internet-smarthost, host.example.org, example.org, ''",
            "satellite, host.example.org, example.org, ''",
            "local-only, host.example.org, example.org, ''",
            // the mail name is another domain
            "internet-site, host.corp.example, example.org, ''",
            "internet-smarthost, host.corp.example, example.org, ''",
            "satellite, host.corp.example, example.org, satellite-local-mail-name",
            "local-only, host.corp.example, example.org, ''"})
    void debianDefaults(String mode, String hostname, String mailName, String expectedWarning) {
        // Debian proposes smtp.<domain> as the relay for the modes that ask for one.
        String domain = hostname.substring(hostname.indexOf('.') + 1);
        String relay = mode.equals("internet-smarthost") || mode.equals("satellite")
                ? "relay: {host: smtp." + domain + "}\n"
                : "";
        for (String protocols : List.of("all", "ipv4", "ipv6")) {
            Checked checked = Checked.yaml("""
                    version: 1
                    mode: %s
                    hostname: %s
                    mail_name: %s
                    protocols: %s
                    mailbox_size_limit: 0
                    recipient_delimiter: "+"
                    %s""".formatted(mode, hostname, mailName, protocols, relay));
            List<String> codes = checked.all().stream().map(Diagnostic::code).map(Code::id).toList();
            assertEquals(expectedWarning.isEmpty() ? List.of() : List.of(expectedWarning), codes,
                    Checked.render(checked.all()));
        }
    }

    @Test
    void modeNone() {
        Checked.yaml("version: 1\nmode: none\n").nothing();
    }

    @Test
    void aPlainCorrectInternetSite() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                root_recipient: [alice]
                destinations: [$myhostname, example.com, localhost]
                networks: [127.0.0.0/8, "::1/128", 192.168.10.0/24, "fd00:10::/48"]
                mailbox_size_limit: 100MB
                message_size_limit: 25MB
                recipient_delimiter: "+"
                protocols: all
                interfaces: all
                users:
                  - name: alice
                  - name: bob
                aliases:
                  webmaster: alice
                  info: [alice, bob, partner@example.net]
                  abuse: postmaster
                  bob: [bob, bob@backup.example.net]
                routes:
                  partner.example:
                    host: mx.partner.example
                    port: 587
                    tls: verify
                    auth: {username: example, password_env: PARTNER_PASSWORD}
                postfix:
                  smtpd_banner: $myhostname ESMTP
                  disable_vrfy_command: true
                """).nothing();
    }
}
