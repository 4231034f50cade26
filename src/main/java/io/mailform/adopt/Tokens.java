package io.mailform.adopt;

import java.util.Arrays;
import java.util.List;

/** A Postfix list value as its parser splits it: at commas and whitespace. */
final class Tokens {
    private Tokens() {
    }

    static List<String> of(String value) {
        return Arrays.stream(value.split("[\\s,]+")).filter(token -> !token.isEmpty()).toList();
    }
}
