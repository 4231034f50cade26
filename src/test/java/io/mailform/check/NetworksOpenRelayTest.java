package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworksOpenRelayTest {
    private static Checked withNetwork(String network) {
        return Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                networks:
                  - 127.0.0.0/8
                  - "%s"
                """.formatted(network));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "64.0.0.0/2", "10.0.0.0/7", "::/0", "2000::/3", "2a00::/12",
            "::ffff:0.0.0.0/96", "::ffff:0.0.0.0/100", "::/64"})
    void tooLargeNetworks(String network) {
        withNetwork(network).error(Code.NETWORKS_OPEN_RELAY).at(7, 5)
                .says(network, "open relay")
                .helps("your own networks");
        // an open relay is not reported a second time as merely public
        withNetwork(network).none(Code.NETWORKS_PUBLIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8", "11.0.0.0/8", "fc00::/7", "fe80::/10", "2001:db8::/32", "2a00::/16",
            "::ffff:10.0.0.0/104"})
    void boundedOrPrivateNetworks(String network) {
        withNetwork(network).none(Code.NETWORKS_OPEN_RELAY);
    }
}
