package io.mailform.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {
    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow(() -> new AssertionError("does not parse: " + text));
    }

    @Test
    void keepsTheSpellingAndBracketsIpv6ForPostfix() {
        assertEquals("[::ffff:127.0.0.0]/104", cidr("::ffff:127.0.0.0/104").postfixText());
        assertEquals("[::1]/128", cidr("::1/128").postfixText());
        assertEquals("127.0.0.0/8", cidr("127.0.0.0/8").postfixText());
        assertTrue(cidr("::ffff:127.0.0.0/104").isIpv6(), "a mapped address stays IPv6");
    }

    @Test
    void findsHostBitsAndContainment() {
        assertTrue(cidr("192.168.1.5/24").hasHostBits());
        assertFalse(cidr("192.168.1.0/24").hasHostBits());
        assertEquals("192.168.1.0/24", cidr("192.168.1.5/24").network().text());
        assertTrue(cidr("10.0.0.0/8").contains(cidr("10.1.0.0/16")));
        assertFalse(cidr("10.1.0.0/16").contains(cidr("10.0.0.0/8")));
        assertFalse(cidr("10.0.0.0/8").contains(cidr("::1/128")));
        assertTrue(cidr("2001:db8::/32").contains(cidr("2001:db8:1::/48")));
        assertTrue(cidr("2001:DB8::/32").sameNetworkAs(cidr("2001:db8:0::/32")));
    }

    @Test
    void aBareAddressIsAHostNetwork() {
        assertEquals(32, cidr("192.0.2.7").prefix());
        assertEquals(128, cidr("2001:db8::7").prefix());
    }

    @Test
    void refusesWhatIsNotANetwork() {
        for (String text : new String[] {"10.0.0.0/33", "::1/129", "example.org/8", "10.0.0/8", "[::1]/128", "10.0.0.0/"}) {
            assertTrue(Cidr.parse(text).isEmpty(), text);
        }
    }
}
