package io.mailform.oracle;

import io.mailform.postfix.SmtpdAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * An address as Postfix works with it: the local part in its internal (unquoted) form and the domain in lower case,
 * if there is one. {@code written} keeps what the client sent, for replies and reports.
 */
public record EnvelopeAddress(String written, String localPart, Optional<String> domain) {
    /**
     * The address in a MAIL FROM or RCPT TO as smtpd reads it ({@link SmtpdAddress}); empty for bad syntax, the null
     * address for {@code <>}.
     */
    public static Optional<EnvelopeAddress> read(String written) {
        return SmtpdAddress.internalForm(written.strip()).map(internal -> of(written, internal));
    }

    /** An address the system itself writes (an alias target, a sender it bounces to): its syntax is known good. */
    static EnvelopeAddress internal(String address) {
        return of(address, address);
    }

    /** {@code internal}, the address smtpd took out of {@code written}, split at its last @. */
    static EnvelopeAddress of(String written, String internal) {
        int at = internal.lastIndexOf('@');
        if (at < 0) {
            return new EnvelopeAddress(written, internal, Optional.empty());
        }
        // "user@" keeps its empty domain: it is no bare name to qualify, and Postfix refuses it.
        return new EnvelopeAddress(written, internal.substring(0, at),
                Optional.of(internal.substring(at + 1).toLowerCase(Locale.ROOT)));
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

    @Override
    public String toString() {
        return address();
    }
}
