package io.mailform.runtime.mailet;

import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import io.mailform.runtime.address.RecipientDirectory;

/**
 * Postfix's recipient_delimiter for delivery: a local recipient {@code user+ext} without a mapping of its own becomes
 * {@code user}, before the RecipientRewriteTable mailet resolves aliases, as local(8) looks aliases up by the whole
 * local part and then without the extension, and mailboxes without it only ({@link RecipientDirectory#deliveredAs}).
 * Runs in the transport processor; recipients in other domains are left alone.
 */
public class StripRecipientExtension extends GenericMailet {
    private final RecipientDirectory recipients;

    @Inject
    public StripRecipientExtension(RecipientDirectory recipients) {
        this.recipients = recipients;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        List<MailAddress> rewritten = new ArrayList<>();
        boolean changed = false;
        for (MailAddress recipient : mail.getRecipients()) {
            MailAddress target = resolveLocal(recipient);
            changed |= !target.equals(recipient);
            if (!rewritten.contains(target)) {
                rewritten.add(target);
            }
        }
        if (changed) {
            mail.setRecipients(rewritten);
        }
    }

    private MailAddress resolveLocal(MailAddress recipient) throws MessagingException {
        if (!getMailetContext().isLocalServer(recipient.getDomain())) {
            return recipient;
        }
        try {
            return recipients.deliveredAs(recipient);
        } catch (Exception e) {
            throw new MessagingException("Cannot look up recipient " + recipient.asString(), e);
        }
    }

    @Override
    public String getMailetInfo() {
        return "Strips the recipient delimiter extension from local recipients that are not themselves known";
    }
}
