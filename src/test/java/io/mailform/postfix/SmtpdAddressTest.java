package io.mailform.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
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
        "<,alice@example.org>                 | alice@example.org",
        "<alice@example.org,>                 | alice@example.org",
        "<;alice@example.org>                 | alice@example.org",
        "<li:st@example.org>                  | li:st@example.org",
        "<team: alice@example.org;>           | alice@example.org",
        "<,>                                  | ''",
        "<alice %example.org@example.org>     | alice%example.org@example.org",
        "<Alice Smith <alice@example.org>>    | alice@example.org",
        "<<(www-data@example.org>>            | <",
    })
    void theInternalFormPostfixWorksWith(String word, String internal) {
        assertEquals(Optional.of(internal), SmtpdAddress.internalForm(word));
    }

    /** Control characters are atom characters to Postfix; only space, tab, CR and LF separate words. */
    @Test
    void controlCharactersBelongToTheAddress() {
        assertEquals(Optional.of("\u0001TT\u001FT\u0001"), SmtpdAddress.internalForm("<\u0001TT\u001FT\u0001>"));
        assertEquals(Optional.of("JERd\u007Fa"), SmtpdAddress.internalForm("JERd\u007Fa\\"));
        assertEquals(Optional.of("a b"), SmtpdAddress.internalForm("\"a\tb\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<a b@example.org>",
        "<friend@remote.test,other@remote.test>",
        "<a;b@example.org>",
        "<\"open@example.org>",
        "<alice(comment)bob@example.org>",
        "<sy>s@example.org>",
        "<\"a\"\"b\"@example.org>",
        "<alice\"b\"@example.org>",
    })
    void moreThanOneAddressOrAnOpenQuoteIsNoAddress(String word) {
        assertEquals(Optional.empty(), SmtpdAddress.internalForm(word));
    }
}
