package io.mailform.postfix;

import java.util.Locale;
import java.util.Optional;

/**
 * Postfix's recipient_delimiter: a set of characters, any of which separates a local part into user and extension at
 * its first occurrence ({@code user+ext}, {@code user-ext}). An empty set turns the feature off. The one reading
 * of Postfix's split rules for the semantic rules, the James target and the runtime alike.
 */
public final class RecipientDelimiter {
    private final String characters;

    private RecipientDelimiter(String characters) {
        this.characters = characters;
    }

    public static RecipientDelimiter of(String characters) {
        return new RecipientDelimiter(characters == null ? "" : characters);
    }

    public static RecipientDelimiter none() {
        return new RecipientDelimiter("");
    }

    public String characters() {
        return characters;
    }

    public boolean isEnabled() {
        return !characters.isEmpty();
    }

    /**
     * The user part of {@code localPart} without its extension, or empty when there is nothing to strip: no delimiter
     * character, a delimiter in first position (Postfix does not split on a leading delimiter), or a reserved name.
     */
    public Optional<String> stripExtension(String localPart) {
        if (!isEnabled() || ReservedNames.isReserved(localPart)) {
            return Optional.empty();
        }
        if (characters.indexOf('-') >= 0 && isOwnerOrRequestList(localPart)) {
            return Optional.empty();
        }
        for (int i = 0; i < localPart.length(); i++) {
            if (characters.indexOf(localPart.charAt(i)) >= 0) {
                return i == 0 ? Optional.empty() : Optional.of(localPart.substring(0, i));
            }
        }
        return Optional.empty();
    }

    /** With "-" as a delimiter, Postfix keeps mailing-list owner-foo and foo-request addresses whole. */
    private static boolean isOwnerOrRequestList(String localPart) {
        String lower = localPart.toLowerCase(Locale.ROOT);
        return lower.startsWith("owner-") || lower.length() > "-request".length() && lower.endsWith("-request");
    }

    @Override
    public String toString() {
        return characters;
    }
}
