package io.mailform.oracle;

import java.util.Locale;
import java.util.Optional;

/**
 * An address as a client writes it in MAIL FROM or RCPT TO, read the way Postfix's smtpd reads it: the angle brackets
 * and an RFC 821 source route ({@code @relay:user@domain}) dropped, the local part unquoted, the domain in lower case
 * without a trailing dot. {@code written} keeps what the client sent, for replies and reports.
 */
public record EnvelopeAddress(String written, String localPart, Optional<String> domain) {
    public static EnvelopeAddress parse(String written) {
        String text = written.strip();
        if (text.startsWith("<") && text.endsWith(">")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.startsWith("@")) {
            int colon = text.indexOf(':');
            text = colon < 0 ? "" : text.substring(colon + 1);
        }
        int at = lastUnquotedAt(text);
        String local = at < 0 ? text : text.substring(0, at);
        String domain = at < 0 ? "" : text.substring(at + 1).toLowerCase(Locale.ROOT);
        while (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return new EnvelopeAddress(written, unquote(local), domain.isEmpty() ? Optional.empty() : Optional.of(domain));
    }

    /** The null sender {@code <>}. */
    public boolean isNull() {
        return localPart.isEmpty() && domain.isEmpty();
    }

    /** {@code local@domain}, or the bare local part. */
    public String address() {
        return domain.map(d -> localPart + "@" + d).orElse(localPart);
    }

    public EnvelopeAddress withDomain(String newDomain) {
        return new EnvelopeAddress(written, localPart, Optional.of(newDomain));
    }

    public EnvelopeAddress withLocalPart(String newLocalPart) {
        return new EnvelopeAddress(written, newLocalPart, domain);
    }

    private static int lastUnquotedAt(String text) {
        boolean quoted = false;
        int at = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '@' && !quoted) {
                at = i;
            }
        }
        return at;
    }

    /** {@code "a@b"} to {@code a@b}: quoting is syntax, not part of the name Postfix looks up. */
    private static String unquote(String local) {
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c == '\\' && i + 1 < local.length()) {
                plain.append(local.charAt(++i));
            } else if (c != '"') {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    @Override
    public String toString() {
        return address();
    }
}
