package io.mailform.emit.james;

import io.mailform.postfix.RecipientDelimiter;
import java.util.Locale;
import java.util.Optional;

/**
 * A local part as Postfix's local(8) reads it: folded to lower case, and split at the first character of
 * recipient_delimiter into the name of a mailbox or alias and an extension.
 */
final class LocalName {
    private LocalName() {
    }

    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The name without its extension, folded, or empty when Postfix would not split it. */
    static Optional<String> withoutExtension(String name, String delimiters) {
        return RecipientDelimiter.of(delimiters).stripExtension(fold(name));
    }
}
