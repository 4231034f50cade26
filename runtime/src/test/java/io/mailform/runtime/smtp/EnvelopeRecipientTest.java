package io.mailform.runtime.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mailform.postfix.AddressResolver;

class EnvelopeRecipientTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "alice        | alice",
        "a%b          | a%b",
        "john doe     | \"john doe\"",
        ".alice       | \".alice\"",
        "a\"b         | \"a\\\"b\"",
        "a..b         | \"a..b\"",
    })
    void aLocalPartThatIsNoDotAtomIsQuoted(String localPart, String written) {
        assertEquals(written, EnvelopeRecipient.quotedIfNeeded(localPart));
    }

    @Test
    void theResolvedAddressIsTheEnvelopeRecipient() {
        EnvelopeRecipient recipient = EnvelopeRecipient.of("friend%remote.test@example.org",
            new AddressResolver.Resolved("friend", "remote.test", false)).orElseThrow();
        assertEquals("friend@remote.test", recipient.address().asString());
        assertEquals("friend%remote.test@example.org", recipient.given());
    }

    @Test
    void aQuotedLocalPartSurvives() {
        EnvelopeRecipient recipient = EnvelopeRecipient.of("john doe@example.org",
            new AddressResolver.Resolved("john doe", "example.org", true)).orElseThrow();
        assertEquals("\"john doe\"", recipient.address().getLocalPart());
        assertTrue(recipient.local());
    }

    @Test
    void anIpv6LiteralIsBeyondJamesAddresses() {
        assertTrue(EnvelopeRecipient.of("a@[IPv6:::1]", new AddressResolver.Resolved("a", "[IPv6:::1]", false))
            .isEmpty());
    }
}
