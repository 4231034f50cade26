package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworksPublicTest {
    private static Checked withNetworks(String networks) {
        return Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                networks: [%s]
                """.formatted(networks));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.0/24", "172.32.0.0/16", "203.0.113.0/24", "2a01:4f8::/32", "2001:db8::/32",
            "::ffff:8.8.8.8/128"})
    void publicNetwork(String network) {
        withNetworks("127.0.0.0/8, \"" + network + "\"").warning(Code.NETWORKS_PUBLIC).at(5, 25)
                .says(network, "public")
                .helps("control all of " + network);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.20.0.0/16", "172.31.0.0/16", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16",
            "fd12:3456::/32", "fe80::/64", "::1/128", "::ffff:192.168.0.0/112"})
    void privateNetwork(String network) {
        withNetworks("\"" + network + "\"").none(Code.NETWORKS_PUBLIC);
    }

    @Test
    void debianDefaultNetworksAreNotPublic() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                """).none(Code.NETWORKS_PUBLIC);
    }
}
