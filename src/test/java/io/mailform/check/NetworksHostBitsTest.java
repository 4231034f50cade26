package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class NetworksHostBitsTest {
    private static Checked withNetworks(String networks) {
        return Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                networks:
                %s""".formatted(networks));
    }

    @Test
    void hostBitsInIpv4() {
        withNetworks("  - 127.0.0.0/8\n  - 192.168.1.5/24\n").error(Code.NETWORKS_HOST_BITS).at(7, 5)
                .says("192.168.1.5/24", "host bits", "451 4.3.0")
                .helps("write 192.168.1.0/24", "192.168.1.5/32");
    }

    @Test
    void hostBitsInIpv6AndMappedIpv4() {
        withNetworks("  - \"fd00::1/64\"\n").error(Code.NETWORKS_HOST_BITS).at(6, 5).helps("write fd00::/64");
        withNetworks("  - \"::ffff:192.168.1.5/120\"\n").error(Code.NETWORKS_HOST_BITS)
                .helps("write ::ffff:192.168.1.0/120");
    }

    @Test
    void cleanNetworksAndSingleHosts() {
        withNetworks("  - 192.168.1.0/24\n  - 192.168.2.7\n  - \"fd00::/64\"\n").none(Code.NETWORKS_HOST_BITS);
    }
}
