package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class RelayRequiredTest {
    @Test
    void satelliteWithoutRelay() {
        Checked.yaml("""
                version: 1
                mode: satellite
                hostname: host.example.com
                mail_name: example.com
                """).error(Code.RELAY_REQUIRED).at(2, 7)
                .says("mode satellite", "relay is not given")
                .helps("add relay", "mode: internet-site", "mode: local-only");
    }

    @Test
    void smarthostWithoutRelay() {
        Checked.yaml("""
                version: 1
                hostname: mail.example.com
                mail_name: example.com
                mode: internet-smarthost
                """).error(Code.RELAY_REQUIRED).at(4, 7).says("mode internet-smarthost");
    }

    @Test
    void satelliteWithRelayIsFine() {
        Checked.yaml("""
                version: 1
                mode: satellite
                hostname: host.example.com
                mail_name: example.com
                relay:
                  host: smtp.example.com
                """).none(Code.RELAY_REQUIRED);
    }

    @Test
    void internetSiteNeedsNoRelay() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                """).none(Code.RELAY_REQUIRED);
    }
}
