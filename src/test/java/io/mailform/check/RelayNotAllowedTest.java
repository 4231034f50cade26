package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class RelayNotAllowedTest {
    @Test
    void internetSiteWithRelay() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                relay:
                  host: smtp.example.net
                """).error(Code.RELAY_NOT_ALLOWED).at(5, 1)
                .says("mode internet-site", "no relay")
                .helps("mode: internet-smarthost", "mode: satellite");
    }

    @Test
    void localOnlyWithRelay() {
        Checked.yaml("""
                version: 1
                mode: local-only
                hostname: host.example.com
                mail_name: example.com
                relay: {host: smtp.example.net}
                """).error(Code.RELAY_NOT_ALLOWED).at(5, 1)
                .says("mode local-only")
                .helps("mode: internet-smarthost", "mode: satellite");
    }

    @Test
    void smarthostTakesRelay() {
        Checked.yaml("""
                version: 1
                mode: internet-smarthost
                hostname: mail.example.com
                mail_name: example.com
                relay: {host: smtp.example.net}
                """).none(Code.RELAY_NOT_ALLOWED);
    }
}
