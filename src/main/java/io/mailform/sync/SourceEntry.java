package io.mailform.sync;

import java.util.List;

/**
 * One entry of an aliases file or lookup table as Postfix reads it: the key as written and the value as a sequence
 * of tokens, so that spacing and line breaks that Postfix ignores make no difference.
 */
record SourceEntry(String key, String value, List<String> tokens) {
    SourceEntry {
        tokens = List.copyOf(tokens);
    }

    boolean sameAs(SourceEntry other) {
        return tokens.equals(other.tokens);
    }
}
