package io.mailform.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultsTest {
    private static String destinations(Mode mode, String host, String mailName) {
        List<Destination> list = Defaults.destinations(mode, new DomainName(host), new DomainName(mailName));
        return String.join(", ", list.stream().map(Destination::postfixValue).toList());
    }

    @Test
    void followsDebiansFormulaPerMode() {
        assertEquals("$myhostname, example.org, mail.example.org, localhost.example.org, localhost",
                destinations(Mode.INTERNET_SITE, "mail.example.org", "example.org"));
        // Debian joins an empty element here ("localhost.D, , localhost"); Postfix ignores it, so it is left out.
        assertEquals("$myhostname, mail.example.org, localhost.example.org, localhost",
                destinations(Mode.INTERNET_SITE, "mail.example.org", "mail.example.org"));
        // The hostname lies within the mail name: no mail-name prefix.
        assertEquals("$myhostname, host.example.org, localhost.example.org, localhost",
                destinations(Mode.SATELLITE, "host.example.org", "example.org"));
        assertEquals("example.net, $myhostname, host.example.org, localhost.example.org, localhost",
                destinations(Mode.INTERNET_SMARTHOST, "host.example.org", "example.net"));
    }
}
