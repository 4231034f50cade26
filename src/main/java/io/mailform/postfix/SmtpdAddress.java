package io.mailform.postfix;

import java.util.Optional;

/**
 * The address in a MAIL FROM or RCPT TO word as Postfix's smtpd extracts it (extract_addr): angle brackets and an
 * RFC 821 source route dropped, comments skipped, quoted strings and backslash escapes undone, giving Postfix's
 * internal (unquoted) form, e.g. {@code friend@remote.test@example.org} for {@code <"friend@remote.test"@example.org>}.
 * A word that holds more than one address, or an open quote or comment, has no address. The one reading of it for
 * the runtime's SMTP server and the oracle.
 */
public final class SmtpdAddress {
    private SmtpdAddress() {
    }

    /** The internal form of the address in {@code word}; empty for bad syntax; "" for {@code <>}. */
    public static Optional<String> internalForm(String word) {
        String text = word;
        if (text.length() >= 2 && text.startsWith("<") && text.endsWith(">")) {
            text = text.substring(1, text.length() - 1);
        }
        int colon = text.indexOf(':');
        if (text.startsWith("@") && colon > 0) {
            text = text.substring(colon + 1);
        }
        return new Scanner(text).address();
    }

    /** One pass over the text, in the manner of Postfix's RFC 822 tokenizer. */
    private static final class Scanner {
        private final String text;
        private final StringBuilder address = new StringBuilder();
        private int position;
        /** A word (atom or quoted string) ended before white space; another word after it is a second address. */
        private boolean wordEndedBySpace;
        private boolean inWord;

        Scanner(String text) {
            this.text = text;
        }

        Optional<String> address() {
            while (position < text.length()) {
                char c = text.charAt(position++);
                boolean ok;
                if (Character.isWhitespace(c)) {
                    wordEndedBySpace |= inWord;
                    inWord = false;
                    ok = true;
                } else if (c == '(') {
                    ok = skipComment();
                } else if (c == '"') {
                    ok = startWord() && quotedString();
                } else if (c == '[') {
                    ok = startWord() && domainLiteral();
                } else if (c == '<' || c == '>') {
                    ok = true;
                } else if (c == ',' || c == ';' || c == ':') {
                    ok = false;
                } else if (c == '@' || c == '.') {
                    address.append(c);
                    inWord = false;
                    wordEndedBySpace = false;
                    ok = true;
                } else {
                    ok = startWord() && atomCharacter(c);
                }
                if (!ok) {
                    return Optional.empty();
                }
            }
            return Optional.of(address.toString());
        }

        private boolean startWord() {
            if (wordEndedBySpace) {
                return false;
            }
            inWord = true;
            return true;
        }

        private boolean atomCharacter(char c) {
            if (c == '\\') {
                if (position >= text.length()) {
                    return false;
                }
                c = text.charAt(position++);
            }
            address.append(c);
            return true;
        }

        private boolean quotedString() {
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    return true;
                }
                if (c == '\\') {
                    if (position >= text.length()) {
                        return false;
                    }
                    c = text.charAt(position++);
                }
                address.append(c);
            }
            return false;
        }

        /** A literal left open ends with the text. */
        private boolean domainLiteral() {
            address.append('[');
            while (position < text.length()) {
                char c = text.charAt(position++);
                address.append(c);
                if (c == ']') {
                    return true;
                }
            }
            address.append(']');
            return true;
        }

        /** Comments nest; one left open ends with the text. */
        private boolean skipComment() {
            int depth = 1;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '\\') {
                    position++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return true;
                }
            }
            return true;
        }
    }
}
