package io.mailform.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailform.model.Defaults;
import io.mailform.model.DomainName;
import io.mailform.model.Interfaces;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Protocols;
import io.mailform.model.ServerTls;
import io.mailform.model.Size;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThisHostTest {
    private static ThisHost withDelimiter(String delimiter) {
        DomainName host = new DomainName("mail.example.com");
        MailSystem system = new MailSystem(Mode.INTERNET_SITE, Optional.of(host), Optional.of(host), List.of(),
                Defaults.destinations(Mode.INTERNET_SITE, host, host), Optional.empty(), List.of(), false, false,
                Size.UNLIMITED, Optional.empty(), delimiter, Protocols.ALL, new Interfaces.All(), List.of(), List.of(),
                List.of(), ServerTls.SNAKEOIL, List.of(), Set.of());
        return ThisHost.of(system);
    }

    @ParameterizedTest(name = "{1} with delimiters \"{0}\" is {2}")
    @CsvSource({
            "+, alice+lists, alice",
            "+, alice+a+b, alice",
            "+, alice, alice",
            "+, +alice, +alice", // no empty name
            "+-, alice-x+y, alice",
            "-, owner-list, owner-list",
            "-, list-request, list-request",
            "+-, Owner-list, Owner-list",
            "+, owner+x, owner",
            "-, mailer-daemon, mailer-daemon",
            "-, double-bounce, double-bounce",
            "'', alice+lists, alice+lists"})
    void extensionsSplitAsPostfixSplitsThem(String delimiters, String name, String expected) {
        assertEquals(expected, withDelimiter(delimiters).withoutExtension(name));
    }
}
