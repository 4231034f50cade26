package io.mailform.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipientDelimiterTest {
    @ParameterizedTest(name = "delimiters \"{0}\": {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
        "+,   bob+tag,          bob",
        "+,   bob+tag+more,     bob",
        "+-,  bob-tag,          bob",
        "+-,  bob-tag+more,     bob",
        "+,   bob-tag,          none",
        "+,   bob,              none",
        "+,   +tag,             none",
        "'',  bob+tag,          none",
        "+,   postmaster,       none",
        "-,   owner-list,       none",
        "-,   list-request,     none",
        "+,   owner+x,          owner",
    })
    void stripsTheExtensionAtTheFirstDelimiterCharacter(String delimiters, String localPart, String user) {
        assertEquals(Optional.ofNullable(user), RecipientDelimiter.of(delimiters).stripExtension(localPart));
    }
}
