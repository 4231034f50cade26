package io.mailform.runtime.mailet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

import io.mailform.postfix.ReservedNames;
import io.mailform.runtime.address.RecipientDirectory;

/**
 * The local recipients named postmaster, MAILER-DAEMON or double-bounce that neither a user nor an alias takes.
 * Postfix accepts mail for them and then discards it ("required alias not found"); in mailetcontainer.xml this
 * matcher sends them to {@code Null} after the aliases are applied, where James would bounce them as unknown.
 */
public class ReservedNameWithoutAlias extends GenericMatcher {
    private final RecipientDirectory recipients;

    @Inject
    public ReservedNameWithoutAlias(RecipientDirectory recipients) {
        this.recipients = recipients;
    }

    @Override
    public Collection<MailAddress> match(Mail mail) throws MessagingException {
        List<MailAddress> matched = new ArrayList<>();
        for (MailAddress recipient : mail.getRecipients()) {
            if (ReservedNames.isReserved(recipient.getLocalPart())
                    && getMailetContext().isLocalServer(recipient.getDomain()) && !isKnown(recipient)) {
                matched.add(recipient);
            }
        }
        return matched;
    }

    private boolean isKnown(MailAddress recipient) throws MessagingException {
        try {
            return recipients.isKnown(recipient);
        } catch (Exception e) {
            throw new MessagingException("Cannot look up recipient " + recipient.asString(), e);
        }
    }
}
