package io.mailform.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The verdicts of {@link AddressReader} for words a client sends and for alias targets. Postfix 3.7.11 answered each
 * word at RCPT TO and MAIL FROM with mydestination = mail.example.org, example.org, localhost and myorigin =
 * example.org; runtime/src/test/resources/scenarios/address-forms.yaml asks it again at every build.
 */
class AddressReaderTest {
    private static final Set<String> LOCAL = Set.of("mail.example.org", "example.org", "localhost");
    private final AddressReader reader = new AddressReader(domain -> LOCAL.contains(domain.toLowerCase(Locale.ROOT)),
        "example.org", "mail.example.org");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "alice                          | alice@example.org    | local",
        "<alice@example.org>            | alice@example.org    | local",
        "friend%remote.test             | friend@remote.test   | remote",
        "remote.test!friend             | friend@remote.test   | remote",
        "alice%example.org@example.org  | alice@example.org    | local",
        "@a.test,@b.test:alice          | alice@example.org    | local",
        "alice@example.org(a note       | alice@example.org    | local",
        "alice(open@example.org         | alice@example.org    | local",
        "%alice@example.org             | @alice               | remote",
    })
    void aRecipientResolvesAsPostfixResolvesIt(String word, String address, String where) {
        AddressReading.Resolved read = assertInstanceOf(AddressReading.Resolved.class, reader.recipient(word, false));
        assertEquals(address, read.resolved().address());
        assertEquals(where.equals("local"), read.resolved().local());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<>",
        "alice@",
        "a b@example.org",
        "%@example.org",
        "alice%@example.org",
        "alice@example..org",
        "friend@192.0.2.1",
        "friend@[300.1.1.1]",
        "alice@exämple.org",
    })
    void postfixRefusesTheseRecipientsAsBadSyntax(String word) {
        assertInstanceOf(AddressReading.BadSyntax.class, reader.recipient(word, false));
    }

    @Test
    void aDomainOutsideAsciiNeedsSmtputf8() {
        assertInstanceOf(AddressReading.BadSyntax.class, reader.recipient("friend@rëmote.test", false));
        assertInstanceOf(AddressReading.Resolved.class, reader.recipient("friend@rëmote.test", true));
        assertInstanceOf(AddressReading.Resolved.class, reader.recipient("ålice@example.org", false));
    }

    @Test
    void theNullAddressIsASenderOnly() {
        assertInstanceOf(AddressReading.Null.class, reader.sender("<>", false));
        assertInstanceOf(AddressReading.Null.class, reader.sender("", false));
        assertInstanceOf(AddressReading.BadSyntax.class, reader.recipient("<>", false));
    }

    @Test
    void aSenderIsCheckedAsARecipientIs() {
        assertInstanceOf(AddressReading.BadSyntax.class, reader.sender("alice@example..org", false));
        AddressReading.Resolved read = assertInstanceOf(AddressReading.Resolved.class, reader.sender("alice", false));
        assertEquals("alice@example.org", read.canonical());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "alice               | alice@example.org",
        "friend%remote.test  | friend@remote.test",
        "a!b!c               | b!c@a",
        "a%b%c               | a%b@c",
        "@x.test:alice       | alice@example.org",
        "\"a b\"              | \"a b\"@example.org",
        "alice@remote.test   | alice@remote.test",
    })
    void aBareNameIsRewrittenToCanonicalForm(String address, String canonical) {
        assertEquals(canonical, AddressResolver.canonical(address.replace("\"", ""), "example.org")
            .replace("a b@", "\"a b\"@"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "friend@remote.test        | friend@remote.test",
        "a b@remote.test           | \"a b\"@remote.test",
        "@remote.test              | \"\"@remote.test",
        ".alice@remote.test        | \".alice\"@remote.test",
        "a\"b@remote.test          | \"a\\\"b\"@remote.test",
        "ålice@remote.test         | ålice@remote.test",
        "friend%x@remote.test      | friend%x@remote.test",
    })
    void aNextHopSeesTheExternalForm(String internal, String external) {
        assertEquals(external, AddressResolver.externalForm(internal));
    }
}
