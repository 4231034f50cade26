package io.mailform.postfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code $name} expressions of a main.cf value, read as Postfix's macro expansion reads them (measured with
 * postconf 3.7): {@code $$} is a dollar sign; {@code $name}, {@code ${name}} and {@code $(name)} take a parameter's
 * value, {@code ${name?text}}, {@code ${name:text}} and their {@code {text}} forms take text by whether it is set,
 * and {@code ${{a} == {b}?...}} compares. A value Postfix cannot read (a {@code $} before no name, an unclosed
 * bracket, a name followed by anything else) stops every Postfix program with "macro processing error".
 */
public final class MacroReferences {
    private final List<String> names;
    private final Optional<String> problem;

    private MacroReferences(List<String> names, Optional<String> problem) {
        this.names = List.copyOf(names);
        this.problem = problem;
    }

    public static MacroReferences of(String value) {
        List<String> names = new ArrayList<>();
        Optional<String> problem = scan(value, 0, value.length(), names);
        return new MacroReferences(names, problem);
    }

    /** The main.cf form of a value meant as it is (a path, the delimiter's characters): each {@code $} doubled. */
    public static String literal(String text) {
        return text.replace("$", "$$");
    }

    /** The text a main.cf value written by {@link #literal} stands for: each {@code $$} read as one {@code $}. */
    public static String unliteral(String value) {
        return value.replace("$$", "$");
    }

    /** The parameter names referred to, in order, each as often as it appears. */
    public List<String> names() {
        return names;
    }

    /** What Postfix cannot read in the value, in postconf's words with the place; empty when it reads it. */
    public Optional<String> problem() {
        return problem;
    }

    private static Optional<String> scan(String text, int start, int end, List<String> names) {
        int i = start;
        while (i < end) {
            if (text.charAt(i) != '$') {
                i++;
                continue;
            }
            int dollar = i++;
            if (i == end) {
                return Optional.of("empty macro name: a '$' at the end");
            }
            char next = text.charAt(i);
            if (next == '$') {
                i++;
            } else if (next == '{' || next == '(') {
                char close = next == '{' ? '}' : ')';
                int closing = matching(text, i, end, next, close);
                if (closing < 0) {
                    return Optional.of("truncated macro reference: \"" + text.substring(dollar, end) + "\"");
                }
                Optional<String> inner = bracketed(text, i + 1, closing, names);
                if (inner.isPresent()) {
                    return inner;
                }
                i = closing + 1;
            } else if (isNameChar(next)) {
                int nameEnd = nameEnd(text, i, end);
                names.add(text.substring(i, nameEnd));
                i = nameEnd;
            } else {
                return Optional.of("empty macro name: a '$' before \"" + next + "\"");
            }
        }
        return Optional.empty();
    }

    /** The inside of {@code ${...}} or {@code $(...)}. */
    private static Optional<String> bracketed(String text, int start, int end, List<String> names) {
        if (start < end && text.charAt(start) == '{') {
            return scan(text, start, end, names); // ${{a} == {b}?{x}:{y}}: references inside the operands
        }
        int nameEnd = nameEnd(text, start, end);
        if (nameEnd == start) {
            return Optional.of("empty macro name: \"$" + text.charAt(start - 1) + text.substring(start, end) + "\"");
        }
        names.add(text.substring(start, nameEnd));
        if (nameEnd == end) {
            return Optional.empty();
        }
        char after = text.charAt(nameEnd);
        if (after == '?' || after == ':') {
            return scan(text, nameEnd + 1, end, names);
        }
        return Optional.of("attribute name syntax error after \"" + text.substring(start, nameEnd) + "\"");
    }

    /** The index of the bracket that closes the one at {@code open}, counting nested pairs of the same kind. */
    private static int matching(String text, int open, int end, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < end; i++) {
            char c = text.charAt(i);
            if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int nameEnd(String text, int start, int end) {
        int i = start;
        while (i < end && isNameChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
