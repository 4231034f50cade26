package io.mailform.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each case was answered by Postfix 3.7.11 with mydestination = mail.example.org, example.org, localhost: "remote"
 * cases got 454 Relay access denied from a client outside mynetworks and were relayed to the address shown from
 * inside; "local" cases reached local(8) as the address shown; "bad" cases got 501 5.1.3 Bad recipient address syntax.
 */
class AddressResolverTest {
    private static final Set<String> LOCAL = Set.of("mail.example.org", "example.org", "localhost");
    private final AddressResolver resolver = new AddressResolver(
        domain -> LOCAL.contains(domain.toLowerCase(Locale.ROOT)), "mail.example.org");

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "alice@example.org                          | alice@example.org           | local",
        "alice                                      | alice@mail.example.org      | local",
        "alice@EXAMPLE.ORG.                         | alice@EXAMPLE.ORG           | local",
        "alice@mail.example.org.                    | alice@mail.example.org      | local",
        "example.org!alice@example.org              | alice@example.org           | local",
        "alice%mail.example.org@example.org         | alice@mail.example.org      | local",
        "a\"b@example.org                           | a\"b@example.org            | local",
        "john doe@example.org                       | john doe@example.org        | local",
        ".alice@example.org                         | .alice@example.org          | local",
        "@example.org                               | MAILER-DAEMON@example.org   | local",
        "@example.org:alice@example.org             | alice@example.org           | local",
        "friend@remote.test                         | friend@remote.test          | remote",
        "friend%remote.test@example.org             | friend@remote.test          | remote",
        "remote.test!friend@example.org             | friend@remote.test          | remote",
        "@example.org:friend@remote.test            | friend@remote.test          | remote",
        "@a,@b:friend@remote.test                   | friend@remote.test          | remote",
        "friend@remote.test@example.org             | friend@remote.test          | remote",
        "friend@remote.test.                        | friend@remote.test          | remote",
        "friend@[192.0.2.1]                         | friend@[192.0.2.1]          | remote",
        "bob!alice@example.org                      | alice@bob                   | remote",
        "alice%remote.test%example.org@example.org  | alice@remote.test           | remote",
        "alice@exa_mple.org                         | alice@exa_mple.org          | remote",
        "friend@x.123                               | friend@x.123                | remote",
        "a%b@remote.test                            | a%b@remote.test             | remote",
    })
    void resolvesAsPostfixDoes(String address, String resolved, String where) {
        AddressResolver.Resolved result = resolver.resolve(address).orElseThrow();
        assertEquals(resolved, result.address());
        assertEquals(where.equals("local"), result.local());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "friend@192.0.2.1",
        "alice@-example.org",
        "friend@remote-.test",
        "friend@123",
        "friend@1.2.3.4.5",
        "alice@[300.1.1.1]",
        "alice@",
        "alice@@example.org",
        "alice@example..org",
        "@",
        "-info@example.org",
        "-friend@remote.test",
        "-a%remote.test@example.org",
    })
    void findsTheSyntaxBadThatPostfixFindsBad(String address) {
        assertEquals(Optional.empty(), resolver.resolve(address));
    }
}
