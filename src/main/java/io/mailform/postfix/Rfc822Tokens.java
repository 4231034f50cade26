package io.mailform.postfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Text cut into RFC 822 tokens as Postfix's tokenizer cuts it (tok822_scan): atoms, quoted strings, domain literals
 * and operators ({@code |%!()<>@,;:".[]} and a stray {@code ]} or {@code )}). Space, tab, CR and LF separate tokens;
 * every other character, control characters included, belongs to an atom. A backslash takes the next character as
 * it is and counts for nothing at the end; tab, CR and LF within a word become a space. Comments are dropped: the
 * parser moves them aside, so they take no part in an address.
 */
final class Rfc822Tokens {
    private static final String OPERATORS = "|%!()<>@,;:\\\".[]";

    /** One token: a word of the given kind with its text (quotes and escapes undone), or an operator. */
    record Token(Kind kind, String text) {
        boolean is(char operator) {
            return kind == Kind.OPERATOR && text.charAt(0) == operator;
        }

        boolean isWord() {
            return kind != Kind.OPERATOR;
        }

        /** The token in Postfix's internal form: a domain literal keeps its brackets. */
        String internal() {
            return kind == Kind.DOMAIN_LITERAL ? "[" + text + "]" : text;
        }
    }

    enum Kind { ATOM, QUOTED_STRING, DOMAIN_LITERAL, OPERATOR }

    private final String text;
    private int position;

    private Rfc822Tokens(String text) {
        this.text = text;
    }

    /** The tokens of {@code text}; empty when a quoted string is left open, which smtpd refuses before this. */
    static Optional<List<Token>> of(String text) {
        return new Rfc822Tokens(text).scan();
    }

    private Optional<List<Token>> scan() {
        List<Token> tokens = new ArrayList<>();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (isSpace(c)) {
                continue;
            }
            if (c == '(') {
                skipComment();
            } else if (c == '[') {
                // A literal left open ends with the text.
                tokens.add(new Token(Kind.DOMAIN_LITERAL, enclosed(']').content()));
            } else if (c == '"') {
                Enclosed quoted = enclosed('"');
                if (!quoted.closed()) {
                    return Optional.empty();
                }
                tokens.add(new Token(Kind.QUOTED_STRING, quoted.content()));
            } else if (c != '\\' && OPERATORS.indexOf(c) >= 0) {
                tokens.add(new Token(Kind.OPERATOR, String.valueOf(c)));
            } else {
                position--;
                tokens.add(new Token(Kind.ATOM, atom()));
            }
        }
        return Optional.of(tokens);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /**
     * Postfix's COLLECT: characters up to {@code stop} (not taken), a backslash taking the next one as it is and
     * counting for nothing at the end, tab, CR and LF made a space.
     */
    private String collect(IntPredicate stop) {
        StringBuilder collected = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\\') {
                if (position + 1 >= text.length()) {
                    position++;
                    break;
                }
                c = text.charAt(++position);
            } else if (stop.test(c)) {
                break;
            }
            collected.append(isSpace(c) ? ' ' : c);
            position++;
        }
        return collected.toString();
    }

    /** A quoted string's or literal's content, and whether {@code close} ended it before the text did. */
    private record Enclosed(String content, boolean closed) {
    }

    private Enclosed enclosed(char close) {
        String content = collect(c -> c == close);
        boolean closed = position < text.length();
        if (closed) {
            position++;
        }
        return new Enclosed(content, closed);
    }

    private String atom() {
        return collect(c -> isSpace((char) c) || OPERATORS.indexOf(c) >= 0);
    }

    /** Comments nest; one left open ends with the text. */
    private void skipComment() {
        int depth = 1;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '\\') {
                position++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return;
            }
        }
    }
}
