package io.mailform.delivery;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a scenario expects of a reply: a code ({@code 454}), a class ({@code 4xx}), an enhanced status
 * ({@code 4.7.1}), or a code with its enhanced status ({@code 454 4.7.1}).
 */
public record ReplyPattern(String text, Optional<String> code, Optional<String> enhanced) {
    /** The form scenario files use; the schema holds the same expression. */
    public static final String SYNTAX = "([2-5](\\d\\d|xx))?( ?[245]\\.\\d{1,3}\\.\\d{1,3})?";
    private static final Pattern FORM = Pattern.compile("([2-5](?:\\d\\d|xx))?(?: ?([245]\\.\\d{1,3}\\.\\d{1,3}))?");

    public ReplyPattern {
        if (code.isEmpty() && enhanced.isEmpty()) {
            throw new IllegalArgumentException("an empty reply pattern");
        }
    }

    public static Optional<ReplyPattern> parse(String text) {
        String trimmed = text.strip();
        Matcher matcher = FORM.matcher(trimmed);
        if (trimmed.isEmpty() || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ReplyPattern(trimmed, Optional.ofNullable(matcher.group(1)),
                Optional.ofNullable(matcher.group(2))));
    }

    /** The pattern that exactly one reply's code and enhanced status satisfy. */
    public static ReplyPattern exactly(Reply reply) {
        return parse(reply.status()).orElseThrow();
    }

    /** Any positive completion: {@code 2xx}. */
    public static ReplyPattern success() {
        return parse("2xx").orElseThrow();
    }

    public boolean matches(Reply reply) {
        if (code.isPresent()) {
            String expected = code.get();
            String actual = Integer.toString(reply.code());
            boolean same = expected.endsWith("xx") ? expected.charAt(0) == actual.charAt(0) : expected.equals(actual);
            if (!same) {
                return false;
            }
        }
        return enhanced.isEmpty() || enhanced.get().equals(reply.enhanced());
    }

    /** True when the pattern accepts positive replies only, e.g. {@code 250} or {@code 2xx}. */
    public boolean isPositive() {
        return code.map(c -> c.startsWith("2")).orElseGet(() -> enhanced.orElseThrow().startsWith("2"));
    }

    @Override
    public String toString() {
        return text;
    }
}
