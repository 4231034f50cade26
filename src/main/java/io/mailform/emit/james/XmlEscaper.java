package io.mailform.emit.james;

import java.util.OptionalInt;

/**
 * Escapes text for XML 1.0 element content, attribute values and comments. Not HTML escaping: only what XML defines,
 * plus character references for the white space a parser would otherwise normalise away (a CR in text, a tab or line
 * break in an attribute), so that a value reads back exactly as written.
 */
final class XmlEscaper {
    private XmlEscaper() {
    }

    /** The first code point XML 1.0 cannot hold at all, not even as a character reference. */
    static OptionalInt firstInvalid(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!isXmlChar(c)) {
                return OptionalInt.of(c);
            }
            i += Character.charCount(c);
        }
        return OptionalInt.empty();
    }

    /** XML 1.0's Char production; a lone surrogate is not a code point of it either. */
    static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    static String text(String value) {
        return escape(value, false);
    }

    static String attribute(String value) {
        return escape(value, true);
    }

    /**
     * Comment text: a comment cannot contain {@code --} nor end in {@code -}, so each such hyphen is followed by a
     * space. Comments only carry file names and fixed prose, never values James reads.
     */
    static String comment(String value) {
        requireValid(value);
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c);
            if (c == '-' && (i + 1 == value.length() || value.charAt(i + 1) == '-')) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static String escape(String value, boolean attribute) {
        requireValid(value);
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The emitter reports such values as diagnostics first; reaching here with one is a programming error. */
    private static void requireValid(String value) {
        OptionalInt invalid = firstInvalid(value);
        if (invalid.isPresent()) {
            throw new IllegalArgumentException(
                    String.format("U+%04X cannot be written in XML 1.0", invalid.getAsInt()));
        }
    }
}
