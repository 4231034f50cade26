package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.model.Size;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;

/**
 * local(8) refuses to start when a mailbox limit is set below the message limit, or with no message limit at all:
 * it could not write a message that the queue accepted.
 */
final class MailboxLimitTooSmall implements Rule {
    /** Postfix's {@code message_size_limit} when main.cf does not set it. */
    static final Size POSTFIX_MESSAGE_SIZE_LIMIT = new Size(10_240_000);

    @Override
    public Reads reads() {
        return Reads.whole(Part.MAILBOX_SIZE_LIMIT, Part.MESSAGE_SIZE_LIMIT);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        Size mailbox = system.mailboxSizeLimit();
        if (mailbox.isUnlimited()) {
            return;
        }
        Size message = system.messageSizeLimit().orElse(POSTFIX_MESSAGE_SIZE_LIMIT);
        String pointer = Pointers.of("mailbox_size_limit");
        if (message.isUnlimited()) {
            findings.atValue(Code.MAILBOX_LIMIT_TOO_SMALL, pointer,
                    "mailbox_size_limit is " + mailbox.bytes() + " bytes but message_size_limit is 0 (no limit):"
                            + " Postfix's local delivery agent refuses to start",
                    "set message_size_limit to at most " + mailbox.bytes() + " bytes, or mailbox_size_limit: 0");
        } else if (mailbox.compareTo(message) < 0) {
            String origin = system.messageSizeLimit().isPresent() ? "" : ", Postfix's default";
            findings.atValue(Code.MAILBOX_LIMIT_TOO_SMALL, pointer,
                    "mailbox_size_limit (" + mailbox.bytes() + " bytes) is smaller than message_size_limit ("
                            + message.bytes() + " bytes" + origin
                            + "): Postfix's local delivery agent refuses to start",
                    "raise mailbox_size_limit to at least " + message.bytes() + " bytes, lower message_size_limit, or"
                            + " set mailbox_size_limit: 0 for no limit");
        }
    }
}
