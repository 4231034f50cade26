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
            new AddressResolver.Resolved("friend", "remote.test", false));
        assertEquals("friend@remote.test", recipient.address().orElseThrow().asString());
        assertEquals("friend%remote.test@example.org", recipient.given());
    }

    @Test
    void aQuotedLocalPartSurvives() {
        EnvelopeRecipient recipient = EnvelopeRecipient.of("john doe@example.org",
            new AddressResolver.Resolved("john doe", "example.org", true));
        assertEquals("\"john doe\"", recipient.address().orElseThrow().getLocalPart());
        assertTrue(recipient.local());
    }

    @ParameterizedTest(name = "{0}@{1}")
    @CsvSource(delimiter = '|', value = {
        "a       | [IPv6:::1]",
        "ca..rol | example.org",
        "carol   | bad_.example.org",
        "friend  | remote.123",
    })
    void addressesPostfixTakesAndJamesCannotHoldKeepPostfixsReading(String localPart, String domain) {
        EnvelopeRecipient recipient = EnvelopeRecipient.of(localPart + "@" + domain,
            new AddressResolver.Resolved(localPart, domain, false));
        assertTrue(recipient.address().isEmpty());
        assertEquals(localPart, recipient.localPart());
        assertEquals(domain, recipient.domain());
    }
}
