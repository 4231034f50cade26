package io.mailform.runtime.smtp;

import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;

/**
 * A RCPT check of the runtime that decides on Postfix's reading of the recipient ({@link EnvelopeRecipient}) rather
 * than on James's MailAddress, so that it answers as Postfix does also for an address James cannot hold.
 */
interface EnvelopeRecipientCheck {
    /** {@link HookResult#DECLINED} when the recipient passes, else the refusal. */
    HookResult check(SMTPSession session, EnvelopeRecipient recipient);

    /** The recipient the current command is about; the RCPT and VRFY handlers read it before any check runs. */
    static EnvelopeRecipient current(SMTPSession session) {
        return EnvelopeRecipient.current(session)
            .orElseThrow(() -> new IllegalStateException("a recipient check runs after the recipient was read"));
    }
}
