package io.mailform.runtime.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.mailform.postfix.SmtpdAddress;

/**
 * The words of an SMTP command's argument as Postfix's smtpd splits them (smtpd_token.c): at white space, except
 * inside {@code <...>} and {@code "..."}, and right after {@code TO:} or {@code FROM:}, so that {@code TO:<a@b>} and
 * {@code TO: <a@b>} read alike. A bracket or quote left open marks its word as broken.
 */
record SmtpdTokens(List<Token> tokens) {
    /** One word; {@code broken} when a {@code <} or {@code "} in it is never closed. */
    record Token(String text, boolean broken) {
    }

    SmtpdTokens {
        tokens = List.copyOf(tokens);
    }

    static SmtpdTokens of(String argument) {
        List<Token> tokens = new ArrayList<>();
        String line = argument == null ? "" : argument;
        int position = 0;
        while (position < line.length()) {
            StringBuilder word = new StringBuilder();
            boolean broken = false;
            while (position < line.length()) {
                char c = line.charAt(position++);
                if (isSpace(c)) {
                    if (word.length() > 0) {
                        break;
                    }
                } else if (c == '<' || c == '"') {
                    word.append(c);
                    position = quoted(line, position, c == '<' ? '>' : '"', word);
                    broken |= position < 0;
                    if (position < 0) {
                        position = line.length();
                    }
                } else if (c == ':') {
                    word.append(c);
                    String sofar = word.toString().toLowerCase(Locale.ROOT);
                    if (sofar.equals("to:") || sofar.equals("from:")) {
                        break;
                    }
                } else {
                    if (c == '\\' && position < line.length()) {
                        word.append(c);
                        c = line.charAt(position++);
                    }
                    word.append(c);
                }
            }
            if (word.length() > 0) {
                tokens.add(new Token(word.toString(), broken));
            }
        }
        return new SmtpdTokens(tokens);
    }

    /**
     * Copies up to the closing {@code wanted}, with nested quotes and brackets; returns the position after it, or -1
     * when the line ends first.
     */
    private static int quoted(String line, int start, char wanted, StringBuilder word) {
        StringBuilder stack = new StringBuilder().append(wanted);
        int position = start;
        while (position < line.length()) {
            char c = line.charAt(position++);
            word.append(c);
            char expected = stack.charAt(stack.length() - 1);
            if (c == '\\') {
                if (position >= line.length()) {
                    return -1;
                }
                word.append(line.charAt(position++));
            } else if (c == expected) {
                stack.setLength(stack.length() - 1);
                if (stack.length() == 0) {
                    return position;
                }
            } else if (c == '"') {
                stack.append('"');
            } else if (c == '<' && expected == '>') {
                stack.append('>');
            }
        }
        return -1;
    }

    int size() {
        return tokens.size();
    }

    Token get(int index) {
        return tokens.get(index);
    }

    /** The words from {@code index} on: the ESMTP parameters after the address. */
    List<String> textsFrom(int index) {
        return tokens.subList(Math.min(index, tokens.size()), tokens.size()).stream().map(Token::text).toList();
    }

    /** White space as smtpd's tokenizer knows it (isspace in the C locale); other control characters are text. */
    static boolean isSpace(char c) {
        return SmtpdAddress.isSpace(c);
    }
}
