package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class NetworksDuplicateTest {
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
    void networkInsideAnother() {
        withNetworks("  - 10.1.0.0/16\n  - 127.0.0.0/8\n  - 10.0.0.0/8\n").warning(Code.NETWORKS_DUPLICATE).at(6, 5)
                .says("10.1.0.0/16", "inside 10.0.0.0/8", "line 8")
                .helps("remove 10.1.0.0/16");
    }

    @Test
    void sameNetworkTwiceIsReportedAtTheSecond() {
        withNetworks("  - 192.168.1.0/24\n  - 192.168.1.7/24\n").warning(Code.NETWORKS_DUPLICATE).at(7, 5)
                .says("192.168.1.7/24", "listed twice", "line 6");
    }

    @Test
    void networksInsideAnOpenRelayAreLeftToThatError() {
        withNetworks("  - 0.0.0.0/0\n  - 192.168.0.0/16\n").none(Code.NETWORKS_DUPLICATE);
    }

    @Test
    void distinctNetworksAndBothFamiliesOfLoopback() {
        withNetworks("  - 127.0.0.0/8\n  - \"::ffff:127.0.0.0/104\"\n  - \"::1/128\"\n  - 10.0.0.0/8\n"
                + "  - 11.0.0.0/8\n").none(Code.NETWORKS_DUPLICATE);
    }
}
