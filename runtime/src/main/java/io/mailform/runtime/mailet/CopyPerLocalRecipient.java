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
 * hop. A recipient at another host that the transaction holds twice (written in two ways, which Postfix's cleanup
 * keeps apart) goes on once more as a copy of its own, as the next hop gets it twice from Postfix.
 */
public class CopyPerLocalRecipient extends GenericMailet {
    @Override
    public void service(Mail mail) throws MessagingException {
        List<MailAddress> onTheirOwn = new ArrayList<>();
        List<MailAddress> remote = new ArrayList<>();
        for (MailAddress recipient : mail.getRecipients()) {
            if (getMailetContext().isLocalServer(recipient.getDomain()) || remote.contains(recipient)) {
                onTheirOwn.add(recipient);
            } else {
                remote.add(recipient);
            }
        }
        if (onTheirOwn.size() + (remote.isEmpty() ? 0 : 1) <= 1) {
            return;
        }
        List<MailAddress> kept = new ArrayList<>(remote);
        if (kept.isEmpty()) {
            kept.add(onTheirOwn.remove(0));
        }
        for (MailAddress recipient : onTheirOwn) {
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
