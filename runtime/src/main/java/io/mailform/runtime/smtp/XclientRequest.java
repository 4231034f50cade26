package io.mailform.runtime.smtp;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import io.mailform.postfix.HostSyntax;

/**
 * The attributes of one XCLIENT command, read as Postfix's smtpd reads them (xclient_cmd in smtpd.c): NAME, ADDR,
 * PORT, HELO, PROTO and LOGIN are kept; REVERSE_NAME, DESTADDR and DESTPORT are checked and have no use here. Values
 * are xtext-decoded, {@code [UNAVAILABLE]} (and for names {@code [TEMPUNAVAIL]}) stands for "unknown".
 *
 * @param name the client's host name; "unknown" when unavailable
 * @param address the client's address; 0.0.0.0 when unavailable, as James needs an address where Postfix has none
 * @param helo the HELO name; empty string when unavailable
 * @param extendedSmtp true for PROTO=ESMTP, false for SMTP
 * @param login the SASL login name
 */
record XclientRequest(
        Optional<String> name,
        Optional<InetAddress> address,
        OptionalInt port,
        Optional<String> helo,
        Optional<Boolean> extendedSmtp,
        Optional<String> login) {
    static final String ATTRIBUTES = "NAME ADDR PROTO HELO REVERSE_NAME PORT LOGIN DESTADDR DESTPORT";
    private static final String UNAVAILABLE = "[UNAVAILABLE]";
    private static final String TEMPORARILY_UNAVAILABLE = "[TEMPUNAVAIL]";
    private static final String UNKNOWN_NAME = "unknown";
    private static final int MAX_VALUE = 255;
    private static final int MAX_HELO = 255;

    /** A reply of 501 5.5.4 for an attribute Postfix would not take. */
    static final class Invalid extends Exception {
        Invalid(String reply) {
            super(reply, null, false, false);
        }
    }

    /** @param attributes the words after XCLIENT, at least one */
    static XclientRequest parse(Iterable<String> attributes) throws Invalid {
        Builder request = new Builder();
        for (String attribute : attributes) {
            int equals = attribute.indexOf('=');
            if (equals < 0 || equals == attribute.length() - 1) {
                throw new Invalid("Error: attribute=value expected");
            }
            String name = attribute.substring(0, equals);
            String raw = attribute.substring(equals + 1);
            if (raw.length() > MAX_VALUE) {
                throw new Invalid("Error: attribute value too long");
            }
            request.set(name, printable(xtextDecoded(raw).orElse(raw)));
        }
        return request.build();
    }

    private static final class Builder {
        private Optional<String> name = Optional.empty();
        private Optional<InetAddress> address = Optional.empty();
        private OptionalInt port = OptionalInt.empty();
        private Optional<String> helo = Optional.empty();
        private Optional<Boolean> extendedSmtp = Optional.empty();
        private Optional<String> login = Optional.empty();

        void set(String attribute, String value) throws Invalid {
            switch (attribute.toUpperCase(Locale.ROOT)) {
                case "NAME" -> name = Optional.of(hostName("NAME", value));
                case "REVERSE_NAME" -> hostName("REVERSE_NAME", value);
                case "ADDR" -> address = Optional.of(address("ADDR", value));
                case "DESTADDR" -> address("DESTADDR", value);
                case "PORT" -> port = OptionalInt.of(port("PORT", value));
                case "DESTPORT" -> port("DESTPORT", value);
                case "HELO" -> helo = Optional.of(helo(value));
                case "PROTO" -> extendedSmtp = Optional.of(protocol(value));
                case "LOGIN" -> login = value.equalsIgnoreCase(UNAVAILABLE) ? login : Optional.of(value);
                default -> throw new Invalid("Bad XCLIENT attribute name: " + attribute);
            }
        }

        XclientRequest build() {
            return new XclientRequest(name, address, port, helo, extendedSmtp, login);
        }
    }

    private static String hostName(String attribute, String value) throws Invalid {
        if (value.equalsIgnoreCase(UNAVAILABLE) || value.equalsIgnoreCase(TEMPORARILY_UNAVAILABLE)) {
            return UNKNOWN_NAME;
        }
        if (!HostSyntax.isHostname(value)) {
            throw bad(attribute, value);
        }
        return value;
    }

    private static InetAddress address(String attribute, String value) throws Invalid {
        String address = value.equalsIgnoreCase(UNAVAILABLE) ? "0.0.0.0" : value;
        if (!HostSyntax.isMailhostAddress(address)) {
            throw bad(attribute, value);
        }
        try {
            // Checked above: a literal address, so no name service is asked.
            return InetAddress.getByName(address.replaceFirst("(?i)^ipv6:", ""));
        } catch (UnknownHostException e) {
            throw bad(attribute, value);
        }
    }

    private static int port(String attribute, String value) throws Invalid {
        if (value.equalsIgnoreCase(UNAVAILABLE)) {
            return 0;
        }
        if (!value.matches("[0-9]{1,5}")) {
            throw bad(attribute, value);
        }
        // Postfix takes any five digits; a socket address takes up to 65535.
        return Math.min(Integer.parseInt(value), 65535);
    }

    private static String helo(String value) throws Invalid {
        if (value.equalsIgnoreCase(UNAVAILABLE)) {
            return "";
        }
        if (value.length() > MAX_HELO) {
            throw bad("HELO", value);
        }
        return value;
    }

    private static boolean protocol(String value) throws Invalid {
        if (value.equalsIgnoreCase("ESMTP")) {
            return true;
        }
        if (value.equalsIgnoreCase("SMTP")) {
            return false;
        }
        throw bad("PROTO", value);
    }

    private static Invalid bad(String attribute, String value) {
        return new Invalid("Bad " + attribute + " syntax: " + value);
    }

    /** RFC 3461 xtext: {@code +XX} is the byte XX in hex; empty when the text is no valid xtext. */
    static Optional<String> xtextDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '+') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= text.length()) {
                return Optional.empty();
            }
            int high = Character.digit(text.charAt(i + 1), 16);
            int low = Character.digit(text.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        return Optional.of(bytes.toString(StandardCharsets.ISO_8859_1));
    }

    /** Postfix masks what could mess up logs and headers: every non-printable character becomes '?'. */
    private static String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.chars().forEach(c -> printable.append(c >= 32 && c < 127 ? (char) c : '?'));
        return printable.toString();
    }
}
