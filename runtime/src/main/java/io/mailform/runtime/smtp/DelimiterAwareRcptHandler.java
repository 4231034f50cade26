package io.mailform.runtime.smtp;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.fastfail.AbstractValidRcptHandler;

import io.mailform.runtime.address.RecipientDirectory;

/**
 * The RCPT check for local domains, in place of James's ValidRcptHandler: a recipient is accepted when it is a user or
 * has a mapping, or when it does so once its extension is stripped (Postfix's recipient_delimiter), and refused with
 * 550 otherwise. Recipients in other domains are left to the relay check.
 */
public class DelimiterAwareRcptHandler extends AbstractValidRcptHandler implements ProtocolHandler {
    private final RecipientDirectory recipients;
    private final DomainList domains;

    @Inject
    public DelimiterAwareRcptHandler(RecipientDirectory recipients, DomainList domains) {
        this.recipients = recipients;
        this.domains = domains;
    }

    @Override
    protected boolean isValidRecipient(SMTPSession session, MailAddress recipient) throws Exception {
        return recipients.resolve(recipient).isPresent();
    }

    @Override
    protected boolean isLocalDomain(SMTPSession session, Domain domain) throws DomainListException {
        return domains.containsDomain(domain);
    }
}
