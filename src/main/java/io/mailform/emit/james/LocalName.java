package io.mailform.emit.james;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A local part as Postfix's local(8) reads it: folded to lower case, and split at the first character of
 * recipient_delimiter into the name of a mailbox or alias and an extension.
 */
final class LocalName {
    /** Names Postfix never splits, whatever the delimiter. */
    private static final Set<String> NEVER_SPLIT = Set.of("postmaster", "mailer-daemon", "double-bounce");

    private LocalName() {
    }

    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The name without its extension, or empty when Postfix would not split it. */
    static Optional<String> withoutExtension(String name, String delimiters) {
        String folded = fold(name);
        if (delimiters.isEmpty() || NEVER_SPLIT.contains(folded)) {
            return Optional.empty();
        }
        if (delimiters.indexOf('-') >= 0 && (folded.startsWith("owner-") || folded.endsWith("-request"))) {
            return Optional.empty();
        }
        for (int i = 0; i < folded.length(); i++) {
            if (delimiters.indexOf(folded.charAt(i)) >= 0) {
                // A leading delimiter is part of the name.
                return i == 0 ? Optional.empty() : Optional.of(folded.substring(0, i));
            }
        }
        return Optional.empty();
    }
}
