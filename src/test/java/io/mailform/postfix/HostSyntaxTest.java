package io.mailform.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostSyntaxTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "mail.example.org, true",
        "exa_mple.org,     true",
        "x.123,            true",
        "client,           true",
        "123,              false",
        "1.2.3.4,          false",
        "-example.org,     false",
        "remote-.test,     false",
        "example..org,     false",
        "example.org.,     false",
        "bad..name,        false",
        "'',               false",
        "ex ample.org,     false",
    })
    void hostNames(String name, boolean valid) {
        assertEquals(valid, HostSyntax.isHostname(name));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "203.0.113.9,          true",
        "0.0.0.0,              true",
        "0.1.2.3,              false",
        "999.1.1.1,            false",
        "1.2.3,                false",
        "203.0.113.%39,        false",
        "notanaddress,         false",
        "IPV6:2001:db8::1,     true",
        "ipv6:::1,             true",
        "IPv6:::ffff:1.2.3.4,  true",
        "2001:db8::1,          false",
        "IPV6:2001:db8::g,     false",
        "IPV6:,                false",
    })
    void mailhostAddresses(String address, boolean valid) {
        assertEquals(valid, HostSyntax.isMailhostAddress(address));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "[192.0.2.1],        true",
        "[IPv6:::1],         true",
        "[300.1.1.1],        false",
        "192.0.2.1,          false",
        "[],                 false",
    })
    void addressLiterals(String domain, boolean valid) {
        assertEquals(valid, HostSyntax.isMailhostLiteral(domain));
    }
}
