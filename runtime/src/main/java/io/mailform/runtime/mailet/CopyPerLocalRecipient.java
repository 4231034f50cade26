package io.mailform.runtime.mailet;

import java.util.ArrayList;
import java.util.List;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * Postfix delivers each local recipient of a message on its own: a user named directly and through an alias in one
 * transaction gets two copies, and {@code bob} and {@code bob+tag} are two recipients. James would merge recipients
 * that rewrite to the same mailbox, so every local recipient after the first goes on as a copy of its own, in the
 * same processor; the recipients in other domains stay together, as Postfix sends them in one transaction per next
 * hop.
 */
public class CopyPerLocalRecipient extends GenericMailet {
    @Override
    public void service(Mail mail) throws MessagingException {
        List<MailAddress> local = new ArrayList<>();
        List<MailAddress> remote = new ArrayList<>();
        for (MailAddress recipient : mail.getRecipients()) {
            (getMailetContext().isLocalServer(recipient.getDomain()) ? local : remote).add(recipient);
        }
        if (local.size() + (remote.isEmpty() ? 0 : 1) <= 1) {
            return;
        }
        List<MailAddress> kept = new ArrayList<>(remote);
        if (kept.isEmpty()) {
            kept.add(local.remove(0));
        }
        for (MailAddress recipient : local) {
            Mail copy = mail.duplicate();
            try {
                copy.setRecipients(List.of(recipient));
                getMailetContext().sendMail(copy, mail.getState());
            } finally {
                LifecycleUtil.dispose(copy);
            }
        }
        mail.setRecipients(kept);
    }

    @Override
    public String getMailetInfo() {
        return "Sends every local recipient after the first on as a copy of its own, as Postfix delivers them";
    }
}
