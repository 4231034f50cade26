package io.mailform.postfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The address in a MAIL FROM or RCPT TO word as Postfix's smtpd extracts it (extract_addr): angle brackets and an
 * RFC 821 source route dropped, comments skipped, quoted strings and backslash escapes undone, giving Postfix's
 * internal (unquoted) form, e.g. {@code friend@remote.test@example.org} for {@code <"friend@remote.test"@example.org>}.
 * As in Postfix's RFC 822 parser ({@link Rfc822Tokens}, then {@link #parse}), a comma or a semicolon ends an address
 * and empty ones count for nothing ({@code <,alice@example.org>} is alice@example.org), a colon before a later
 * semicolon ends a group's name, any other colon is a character of the address ({@code li:st@example.org}), and so
 * is a bracket without its partner. A word that holds more than one address, or an open quote, has no address. The
 * one reading of it for the runtime's SMTP server and the oracle.
 */
public final class SmtpdAddress {
    private SmtpdAddress() {
    }

    /** White space as smtpd's tokenizer knows it (isspace in the C locale); other control characters are text. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
        return Rfc822Tokens.of(text).flatMap(SmtpdAddress::parse);
    }

    /**
     * Postfix's RFC 822 parser (tok822_parse) as extract_addr uses it: the tokens are grouped into addresses from
     * right to left. A comma or semicolon ends an address; a word right after a word starts another; {@code <...>}
     * is one address however many words it holds, and the words before it a phrase that counts for nothing; a colon
     * before a later semicolon ends a group's name, which counts for nothing either. An address is the text of its
     * tokens without spaces; empty when there is none; and no address when there is more than one.
     */
    private static Optional<String> parse(List<Rfc822Tokens.Token> tokens) {
        List<int[]> groups = new ArrayList<>();
        int right = tokens.size();
        boolean doWord = true;
        boolean doGroup = false;
        int i = tokens.size() - 1;
        while (i >= 0) {
            Rfc822Tokens.Token token = tokens.get(i);
            if (token.is(';')) {
                group(groups, i + 1, right);
                right = i;
                doWord = true;
                doGroup = true;
            } else if (token.is(':') && doGroup) {
                group(groups, i + 1, right);
                i = previous(tokens, i, ",");
                right = i;
                continue;
            } else if (token.is('>')) {
                group(groups, i + 1, right);
                int open = i - 1;
                while (open >= 0 && !tokens.get(open).is('<')) {
                    open--;
                }
                group(groups, open + 1, i);
                i = previous(tokens, open, ">;,:");
                right = i;
                doWord = true;
                continue;
            } else if (token.isWord()) {
                if (!doWord) {
                    group(groups, i + 1, right);
                    right = i + 1;
                }
                doWord = false;
            } else if (token.is(',')) {
                group(groups, i + 1, right);
                right = i;
                doWord = true;
            } else {
                doWord = true;
            }
            i--;
        }
        group(groups, 0, right);
        List<int[]> outermost = groups.stream().filter(inner -> groups.stream().noneMatch(outer -> outer != inner
            && outer[0] <= inner[0] && inner[1] <= outer[1])).toList();
        if (outermost.size() > 1) {
            return Optional.empty();
        }
        StringBuilder address = new StringBuilder();
        outermost.forEach(group -> tokens.subList(group[0], group[1])
            .forEach(token -> address.append(token.internal())));
        return Optional.of(address.toString());
    }

    private static void group(List<int[]> groups, int from, int to) {
        if (from < to) {
            groups.add(new int[] {from, to});
        }
    }

    /** The nearest token left of {@code from} that is one of {@code operators}; -1 for none. */
    private static int previous(List<Rfc822Tokens.Token> tokens, int from, String operators) {
        int i = from;
        while (i >= 0 && !(tokens.get(i).kind() == Rfc822Tokens.Kind.OPERATOR
                && operators.indexOf(tokens.get(i).text().charAt(0)) >= 0)) {
            i--;
        }
        return i;
    }
}
