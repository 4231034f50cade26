package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class ProtocolMismatchTest {
    @Test
    void ipv6NetworkWithIpv4Only() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                protocols: ipv4
                networks: [127.0.0.0/8, "fd00::/8"]
                """).warning(Code.PROTOCOL_MISMATCH).at(6, 25)
                .says("fd00::/8", "IPv6", "protocols: ipv4")
                .helps("protocols: all");
    }

    @Test
    void ipv4InterfaceWithIpv6Only() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                protocols: ipv6
                networks: ["::1/128"]
                interfaces:
                  - "::1"
                  - 192.0.2.1
                """).warning(Code.PROTOCOL_MISMATCH).at(9, 5).says("interface address 192.0.2.1", "IPv4");
    }

    @Test
    void debianDefaultNetworksCarryIpv6EvenWithIpv4Only() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                protocols: ipv4
                """).none(Code.PROTOCOL_MISMATCH);
    }

    @Test
    void bothFamiliesWithAllProtocols() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                networks: [127.0.0.0/8, "::1/128"]
                interfaces: [127.0.0.1, "::1"]
                """).none(Code.PROTOCOL_MISMATCH);
    }
}
