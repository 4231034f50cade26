package io.mailform.adopt;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A next hop as relayhost and transport(5) write it: {@code [host]:port}, {@code [host]}, {@code host:port} or
 * {@code host}; brackets turn MX lookups off, and an IPv6 address is written {@code [ipv6:...]}.
 */
record NextHop(String host, OptionalInt port, boolean mxLookup) {
    private static final Pattern BRACKETED = Pattern.compile("\\[(?:ipv6:)?([^\\]\\s,]+)\\](?::([0-9]{1,5}))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE = Pattern.compile("([^\\[\\]:\\s,]+)(?::([0-9]{1,5}))?");

    static Optional<NextHop> parse(String text) {
        Matcher bracketed = BRACKETED.matcher(text);
        if (bracketed.matches()) {
            return Optional.of(new NextHop(bracketed.group(1), port(bracketed.group(2)), false));
        }
        Matcher bare = BARE.matcher(text);
        if (bare.matches()) {
            return Optional.of(new NextHop(bare.group(1), port(bare.group(2)), true));
        }
        return Optional.empty();
    }

    private static OptionalInt port(String digits) {
        return digits == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(digits));
    }
}
