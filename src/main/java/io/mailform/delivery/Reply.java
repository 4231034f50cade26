package io.mailform.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMTP reply: the three-digit code, the enhanced status code of RFC 3463 when the server gave one, and the text.
 * Servers are compared by code and enhanced status; the text is for people.
 */
public record Reply(int code, String enhanced, String text) {
    private static final Pattern LINE = Pattern.compile("([2-5]\\d\\d)[ -]?(?:([245]\\.\\d{1,3}\\.\\d{1,3})(?: |$))?(.*)",
            Pattern.DOTALL);

    public Reply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("not an SMTP reply code: " + code);
        }
    }

    /** Reads the last line of a server's reply, e.g. {@code 454 4.7.1 <a@b>: Relay access denied}. */
    public static Reply parse(String line) {
        Matcher matcher = LINE.matcher(line.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an SMTP reply: " + line);
        }
        String enhanced = matcher.group(2) == null ? "" : matcher.group(2);
        return new Reply(Integer.parseInt(matcher.group(1)), enhanced, matcher.group(3).strip());
    }

    public static Reply of(int code, String enhanced, String text) {
        return new Reply(code, enhanced, text);
    }

    public boolean isPositive() {
        return code < 400;
    }

    /** 4xx: try again later. */
    public boolean isTransient() {
        return code >= 400 && code < 500;
    }

    /** The code and enhanced status, e.g. {@code 454 4.7.1}: what servers are compared by. */
    public String status() {
        return enhanced.isEmpty() ? Integer.toString(code) : code + " " + enhanced;
    }

    @Override
    public String toString() {
        return text.isEmpty() ? status() : status() + " " + text;
    }
}
