package io.mailform.runtime.smtp;

import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.protocols.smtp.SMTPSession;

import io.mailform.postfix.AddressReader;
import io.mailform.postfix.AddressReading;

/**
 * Reads the address word of MAIL FROM, RCPT TO or VRFY as Postfix's smtpd does ({@link AddressReader}), against
 * James's local domains, with the mail name for a bare address (myorigin) and the host name for an address left
 * without domain.
 */
final class RecipientReader {
    private final MailNameQualifier qualifier;
    private final DomainList domains;

    RecipientReader(MailNameQualifier qualifier, DomainList domains) {
        this.qualifier = qualifier;
        this.domains = domains;
    }

    /** Empty when Postfix answers "Bad recipient address syntax". */
    Optional<EnvelopeRecipient> recipient(SMTPSession session, SmtpdTokens.Token word, boolean smtputf8) {
        if (word.broken()) {
            return Optional.empty();
        }
        return reader(session).recipient(word.text(), smtputf8) instanceof AddressReading.Resolved read
            ? Optional.of(EnvelopeRecipient.of(read.internal(), read.resolved()))
            : Optional.empty();
    }

    /** The sender of MAIL FROM as Postfix reads it; a broken word is bad syntax. */
    AddressReading sender(SMTPSession session, SmtpdTokens.Token word, boolean smtputf8) {
        if (word.broken()) {
            return new AddressReading.BadSyntax(word.text(), word.text(), "a quote or bracket is left open");
        }
        return reader(session).sender(word.text(), smtputf8);
    }

    private AddressReader reader(SMTPSession session) {
        return new AddressReader(this::isLocalDomain, qualifier.domain(),
            session.getConfiguration().getHelloName());
    }

    /**
     * mydestination's test. An address literal is never local here (KD2): James's Domain would read
     * {@code [example.org]} as example.org, where Postfix finds no address in it and refuses the syntax.
     */
    private boolean isLocalDomain(String domain) {
        if (domain.startsWith("[")) {
            return false;
        }
        try {
            return domains.containsDomain(Domain.of(domain));
        } catch (DomainListException | IllegalArgumentException e) {
            return false;
        }
    }
}
