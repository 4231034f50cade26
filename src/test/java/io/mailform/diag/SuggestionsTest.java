package io.mailform.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> KEYS = List.of("hostname", "mail_name", "networks", "relay", "routes");

    @Test
    void suggestsTheClosestNameForATypo() {
        assertEquals(Optional.of("networks"), Suggestions.closest("netwroks", KEYS));
        assertEquals(Optional.of("mail_name"), Suggestions.closest("mailname", KEYS));
        assertEquals(Optional.of("relay"), Suggestions.closest("Relay", KEYS));
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        assertEquals(Optional.empty(), Suggestions.closest("banana", KEYS));
        assertEquals(Optional.empty(), Suggestions.closest("x", KEYS));
    }
}
