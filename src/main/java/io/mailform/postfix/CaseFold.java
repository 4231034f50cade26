package io.mailform.postfix;

import java.util.Locale;

/**
 * How Postfix compares the keys of its tables and local names (aliases, accounts): by Unicode's full case folding,
 * which it uses with SMTPUTF8 on (every description's compatibility level), as postalias shows: Straße and STRASSE are
 * one name, so are ϕ and φ, and Cherokee folds to its capitals. Java has no case folding of its own; upper then lower
 * case, a code point at a time, gives the same but for Cherokee, handled apart. CaseFoldTest holds it to postalias.
 */
public final class CaseFold {
    private CaseFold() {
    }

    public static String of(String text) {
        if (isAscii(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (isCherokeeSmall(codePoint)) {
                folded.appendCodePoint(Character.toUpperCase(codePoint));
            } else {
                // One code point at a time, so that no context (a final sigma) changes the result.
                folded.append(new String(Character.toChars(codePoint)).toUpperCase(Locale.ROOT)
                        .toLowerCase(Locale.ROOT));
            }
        });
        return folded.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Cherokee small letters, which case folding maps to the capitals rather than the other way round. */
    private static boolean isCherokeeSmall(int codePoint) {
        return codePoint >= 0x13F8 && codePoint <= 0x13FD || codePoint >= 0xAB70 && codePoint <= 0xABBF;
    }
}
