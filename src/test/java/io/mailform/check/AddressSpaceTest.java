package io.mailform.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailform.model.Cidr;
import io.mailform.model.IpAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressSpaceTest {
    @ParameterizedTest(name = "{0}: public {1}, open relay {2}")
    @CsvSource({
            "127.0.0.0/8, false, false",
            "10.0.0.0/8, false, false",
            "172.16.0.0/12, false, false",
            "172.15.0.0/16, true, false",
            "100.64.0.0/10, false, false",
            "100.128.0.0/16, true, false",
            "8.0.0.0/8, true, false",
            "8.0.0.0/7, true, true",
            "0.0.0.0/0, true, true",
            "::ffff:127.0.0.0/104, false, false",
            "::ffff:8.8.8.0/120, true, false",
            "::ffff:0.0.0.0/97, true, true",
            "::/96, true, false",
            "::/80, true, true",
            "::1/128, false, false",
            "fe80::/10, false, false",
            "fc00::/7, false, false",
            "2001:db8::/32, true, false",
            "203.0.113.0/24, true, false",
            "2a00::/16, true, false",
            "2a00::/15, true, true",
            "::/0, true, true"})
    void classifiesNetworks(String network, boolean isPublic, boolean isOpenRelay) {
        Cidr cidr = Cidr.parse(network).orElseThrow();
        assertEquals(isPublic, AddressSpace.isPublic(cidr), "public");
        assertEquals(isOpenRelay, AddressSpace.isOpenRelay(cidr), "open relay");
    }

    @ParameterizedTest(name = "{0}: loopback {1}, unspecified {2}")
    @CsvSource({
            "127.0.0.1, true, false",
            "127.255.0.9, true, false",
            "::1, true, false",
            "::ffff:127.0.0.1, true, false",
            "0.0.0.0, false, true",
            "::, false, true",
            "192.0.2.1, false, false",
            "::2, false, false"})
    void classifiesAddresses(String address, boolean loopback, boolean unspecified) {
        IpAddress ip = IpAddress.parse(address).orElseThrow();
        assertEquals(loopback, AddressSpace.isLoopback(ip), "loopback");
        assertEquals(unspecified, AddressSpace.isUnspecified(ip), "unspecified");
    }
}
