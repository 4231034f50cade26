package io.mailform.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SMTP replies compared as Postfix's and James's are compared: by code and enhanced status, not by text. */
final class Replies {
    private Replies() {
    }

    /** @param expected a code and enhanced status ("454 4.7.1"), or a code alone for a reply that has no status */
    static void assertReply(String expected, String reply) {
        String[] words = String.valueOf(reply).split(" ", 3);
        boolean hasStatus = words.length > 1 && words[1].matches("[245]\\.[0-9]{1,3}\\.[0-9]{1,3}");
        String actual = hasStatus ? words[0] + " " + words[1] : words[0];
        assertEquals(expected, actual, () -> "the reply was: " + reply);
    }
}
