package io.mailform.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.model.AliasTarget;
import io.mailform.model.DomainName;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where local(8) sends alias targets, with mydestination = mail.example.org, example.org, localhost and myorigin =
 * example.org. Each target was an alias target of a private Postfix 3.7.11: "local" ones were delivered here,
 * "forward" ones reached the capture sink as the address shown, "bad" ones bounced with "bad address syntax".
 */
class TargetReaderTest {
    private static final Set<String> LOCAL = Set.of("mail.example.org", "example.org", "localhost");
    private final TargetReader reader = new TargetReader(new AddressReader(
        domain -> LOCAL.contains(domain.toLowerCase(Locale.ROOT)), "example.org", "mail.example.org"));

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "alice                          | local   | alice",
        "alice%example.org              | local   | alice",
        "ca..rol                        | local   | ca..rol",
        "friend%remote.test             | forward | friend@remote.test",
        "remote.test!friend             | forward | friend@remote.test",
        "friend@remote.test@example.org | forward | friend@remote.test",
        "a!b%c                          | forward | b%c@a",
        "user%bad..domain               | bad     | ''",
        "a%                             | bad     | ''",
        "!x                             | bad     | ''",
        "x%@example.org                 | bad     | ''",
    })
    void targetsGoWherePostfixSendsThem(String text, String fate, String where) {
        AliasTarget target = target(text);
        switch (fate) {
            case "local" -> assertEquals(Optional.of(where), reader.localName(target));
            case "forward" -> assertEquals(Optional.of(where), reader.forwardedTo(target));
            default -> assertTrue(reader.badSyntax(target).isPresent(), text);
        }
    }

    @Test
    void commandsFilesAndIncludesAreNoAddresses() {
        assertEquals(Optional.empty(), reader.read(new AliasTarget.Command("/usr/bin/true")));
        assertEquals(Optional.empty(), reader.read(new AliasTarget.File("/var/mail/archive")));
        assertEquals(Optional.empty(), reader.read(new AliasTarget.Include("/etc/mail/list")));
    }

    private static AliasTarget target(String text) {
        int at = text.lastIndexOf('@');
        if (at > 0 && DomainName.isValid(text.substring(at + 1))) {
            return new AliasTarget.Address(text.substring(0, at), new DomainName(text.substring(at + 1)));
        }
        return new AliasTarget.Local(text);
    }
}
