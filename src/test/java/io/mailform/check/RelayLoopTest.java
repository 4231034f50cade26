package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelayLoopTest {
    private static Checked smarthostRelayingTo(String relay) {
        return Checked.yaml("""
                version: 1
                mode: internet-smarthost
                hostname: mail.example.com
                mail_name: example.com
                relay:
                  %s
                """.formatted(relay));
    }

    @Test
    void relayToOwnHostnameInAnyCase() {
        smarthostRelayingTo("host: MAIL.Example.COM").error(Code.RELAY_LOOP).at(6, 9)
                .says("relay host mail.example.com", "this host's hostname", "loops")
                .helps("another mail server", "port");
    }

    @Test
    void relayToLocalhost() {
        smarthostRelayingTo("host: localhost").error(Code.RELAY_LOOP).at(6, 9).says("localhost", "this host itself");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "0.0.0.0"})
    void relayToLoopbackAddress(String address) {
        smarthostRelayingTo("host: \"" + address + "\"").error(Code.RELAY_LOOP).at(6, 9).says("this host itself");
    }

    @Test
    void relayToDestinationThroughMyhostname() {
        Checked.yaml("""
                version: 1
                mode: internet-smarthost
                hostname: mail.example.com
                mail_name: example.com
                destinations: [$myhostname, example.org]
                relay: {host: example.org, mx_lookup: true, port: 25}
                """).error(Code.RELAY_LOOP).at(6, 15).says("example.org", "one of this host's destinations");
    }

    @Test
    void relayToOwnListeningAddress() {
        Checked.yaml("""
                version: 1
                mode: internet-smarthost
                hostname: mail.example.com
                mail_name: example.com
                interfaces: [127.0.0.1, 192.0.2.10]
                relay: {host: 192.0.2.10}
                """).error(Code.RELAY_LOOP).at(6, 15).says("own addresses");
    }

    @Test
    void routeToThisHost() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                routes:
                  partner.example:
                    host: mail.example.com
                """).error(Code.RELAY_LOOP).at(7, 11).says("route for partner.example", "this host's hostname");
    }

    @Test
    void loopbackOnAnotherPortIsALocalService() {
        smarthostRelayingTo("{host: 127.0.0.1, port: 10025}").none(Code.RELAY_LOOP);
    }

    @Test
    void satelliteMayRelayToTheMxOfItsMailName() {
        Checked.yaml("""
                version: 1
                mode: satellite
                hostname: host.example.com
                mail_name: example.com
                relay: {host: example.com, mx_lookup: true}
                """).none(Code.RELAY_LOOP);
    }

    @Test
    void otherHostsAreFine() {
        smarthostRelayingTo("host: smtp.example.net").none(Code.RELAY_LOOP);
        smarthostRelayingTo("host: 192.0.2.25").none(Code.RELAY_LOOP);
    }
}
