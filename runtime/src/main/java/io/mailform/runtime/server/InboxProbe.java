package io.mailform.runtime.server;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.MailboxNotFoundException;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.utils.GuiceProbe;

/**
 * How many messages an account's INBOX holds, asked of James's mailbox manager in the same JVM: one lookup in memory
 * where IMAP needs a login per account. The messages themselves are still read over IMAP.
 */
public class InboxProbe implements GuiceProbe {
    private final MailboxManager mailboxes;

    @Inject
    public InboxProbe(MailboxManager mailboxes) {
        this.mailboxes = mailboxes;
    }

    /** The number of messages in the account's INBOX; 0 when it has none yet. */
    public long count(String account) throws MailboxException {
        MailboxSession session = mailboxes.createSystemSession(Username.of(account));
        try {
            return mailboxes.getMailbox(MailboxPath.inbox(session), session).getMessageCount(session);
        } catch (MailboxNotFoundException e) {
            return 0;
        } finally {
            mailboxes.endProcessingRequest(session);
        }
    }
}
