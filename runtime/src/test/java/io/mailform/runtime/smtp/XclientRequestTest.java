package io.mailform.runtime.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XclientRequestTest {
    private static XclientRequest parse(String... attributes) throws XclientRequest.Invalid {
        return XclientRequest.parse(List.of(attributes));
    }

    @Test
    void keepsWhatTheSessionNeeds() throws Exception {
        XclientRequest request = parse("addr=203.0.113.9", "NAME=client.example.net", "PORT=4711", "HELO=helo+20x",
            "PROTO=esmtp", "LOGIN=alice", "DESTADDR=192.0.2.1", "DESTPORT=25", "REVERSE_NAME=[TEMPUNAVAIL]");
        assertEquals(Optional.of(InetAddress.getByName("203.0.113.9")), request.address());
        assertEquals(Optional.of("client.example.net"), request.name());
        assertEquals(4711, request.port().getAsInt());
        assertEquals(Optional.of("helo x"), request.helo());
        assertEquals(Optional.of(true), request.extendedSmtp());
        assertEquals(Optional.of("alice"), request.login());
    }

    @Test
    void unavailableMeansUnknown() throws Exception {
        XclientRequest request = parse("ADDR=[UNAVAILABLE]", "NAME=[UNAVAILABLE]", "PORT=[UNAVAILABLE]",
            "HELO=[UNAVAILABLE]", "LOGIN=[UNAVAILABLE]");
        assertEquals(Optional.of(InetAddress.getByName("0.0.0.0")), request.address());
        assertEquals(Optional.of("unknown"), request.name());
        assertEquals(0, request.port().getAsInt());
        assertEquals(Optional.of(""), request.helo());
        assertEquals(Optional.empty(), request.login());
    }

    @Test
    void ipv6AddressesTakeTheirPrefixAndMappedOnesBecomeIpv4() throws Exception {
        assertEquals(Optional.of(InetAddress.getByName("2001:db8::1")), parse("ADDR=IPV6:2001:db8::1").address());
        assertEquals(Optional.of(InetAddress.getByName("10.20.3.4")), parse("ADDR=IPv6:::ffff:10.20.3.4").address());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "FOO=bar                | Bad XCLIENT attribute name: FOO",
        "ADDR                   | Error: attribute=value expected",
        "HELO=                  | Error: attribute=value expected",
        "ADDR=notanaddress      | Bad ADDR syntax: notanaddress",
        "ADDR=2001:db8::1       | Bad ADDR syntax: 2001:db8::1",
        "ADDR=[TEMPUNAVAIL]     | Bad ADDR syntax: [TEMPUNAVAIL]",
        "ADDR=xtext+2B          | Bad ADDR syntax: xtext+",
        "NAME=bad..name         | Bad NAME syntax: bad..name",
        "PORT=123456            | Bad PORT syntax: 123456",
        "PROTO=FOO              | Bad PROTO syntax: FOO",
    })
    void refusesAsPostfix(String attribute, String reply) {
        assertEquals(reply, assertThrows(XclientRequest.Invalid.class, () -> parse(attribute)).getMessage());
    }

    @Test
    void aValueOver255CharactersIsTooLong() {
        assertEquals("Error: attribute value too long", assertThrows(XclientRequest.Invalid.class,
            () -> parse("HELO=" + "x".repeat(256))).getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"a+20b | a b", "a+2b | a+", "plain | plain"})
    void xtext(String text, String decoded) {
        assertEquals(Optional.of(decoded), XclientRequest.xtextDecoded(text));
    }

    @Test
    void brokenXtextIsTakenAsItIs() throws Exception {
        assertEquals(Optional.empty(), XclientRequest.xtextDecoded("a+2"));
        assertEquals(Optional.of("a+2"), parse("HELO=a+2").helo());
    }
}
