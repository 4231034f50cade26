package io.mailform.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpdAddressTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "<alice@example.org>                  | alice@example.org",
        "alice@example.org                    | alice@example.org",
        "alice@example.org>                   | alice@example.org",
        "<\"friend@remote.test\"@example.org>  | friend@remote.test@example.org",
        "<\"john doe\"@example.org>            | john doe@example.org",
        "<\"a\\\"b\"@example.org>               | a\"b@example.org",
        "<@example.org:friend@remote.test>    | friend@remote.test",
        "<@a,@b:friend@remote.test>           | friend@remote.test",
        "<alice(comment)@example.org>         | alice@example.org",
        "<friend@[192.0.2.1]>                 | friend@[192.0.2.1]",
        "<alice @ example.org>                | alice@example.org",
        "<>                                   | ''",
        "<alice(open@example.org>             | alice",
        "<alice@example.org(open>             | alice@example.org",
        "<friend@[192.0.2.1>                  | friend@[192.0.2.1]",
    })
    void theInternalFormPostfixWorksWith(String word, String internal) {
        assertEquals(Optional.of(internal), SmtpdAddress.internalForm(word));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<a b@example.org>",
        "<friend@remote.test,other@remote.test>",
        "<a;b@example.org>",
        "<\"open@example.org>",
    })
    void moreThanOneAddressOrAnOpenQuoteIsNoAddress(String word) {
        assertEquals(Optional.empty(), SmtpdAddress.internalForm(word));
    }
}
