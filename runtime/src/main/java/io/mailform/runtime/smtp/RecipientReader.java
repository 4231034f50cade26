package io.mailform.runtime.smtp;

import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.protocols.smtp.SMTPSession;

import io.mailform.postfix.AddressResolver;
import io.mailform.postfix.SmtpdAddress;

/**
 * Reads the address word of RCPT TO or VRFY as Postfix's smtpd does: the internal form ({@link SmtpdAddress}), a
 * bare name qualified with the mail name (myorigin, as Postfix canonicalizes it before any check), then resolved
 * ({@link AddressResolver}) against James's local domains, with the host name for an address left without domain.
 */
final class RecipientReader {
    private final MailNameQualifier qualifier;
    private final DomainList domains;

    RecipientReader(MailNameQualifier qualifier, DomainList domains) {
        this.qualifier = qualifier;
        this.domains = domains;
    }

    /** Empty when Postfix answers "Bad recipient address syntax". */
    Optional<EnvelopeRecipient> read(SMTPSession session, SmtpdTokens.Token word) {
        if (word.broken()) {
            return Optional.empty();
        }
        return SmtpdAddress.internalForm(word.text())
            .filter(address -> !address.isEmpty())
            .flatMap(address -> resolved(session, address));
    }

    private Optional<EnvelopeRecipient> resolved(SMTPSession session, String given) {
        String qualified = given.indexOf('@') < 0 ? given + "@" + qualifier.domain() : given;
        AddressResolver resolver = new AddressResolver(this::isLocalDomain, session.getConfiguration().getHelloName());
        return resolver.resolve(qualified).flatMap(resolved -> EnvelopeRecipient.of(given, resolved));
    }

    private boolean isLocalDomain(String domain) {
        try {
            return domains.containsDomain(Domain.of(domain));
        } catch (DomainListException | IllegalArgumentException e) {
            return false;
        }
    }
}
