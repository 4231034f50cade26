package io.mailform.runtime.smtp;

import java.util.HashSet;
import java.util.Set;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;

import io.mailform.postfix.CaseFold;

/**
 * The recipients a transaction has taken, as Postfix's cleanup drops duplicates: a recipient given again in the same
 * transaction gets 250 and no second copy. cleanup compares, in any case, the DSN original recipient (the RCPT
 * argument as the client wrote it, without its angle brackets: smtpd makes it up when the client sends no ORCPT,
 * which the runtime refuses) and the address as smtpd read it, so {@code <alice@example.org>} twice, or once in
 * capitals, is one recipient, while {@code <"alice"@example.org>} or {@code <,alice@example.org>} beside it is another.
 */
final class AcceptedRecipients {
    @SuppressWarnings("unchecked")
    private static final ProtocolSession.AttachmentKey<Set<String>> TAKEN =
        ProtocolSession.AttachmentKey.of("mailform.acceptedRecipients", (Class<Set<String>>) (Class<?>) Set.class);
    private static final ProtocolSession.AttachmentKey<String> WRITTEN =
        ProtocolSession.AttachmentKey.of("mailform.recipientAsWritten", String.class);

    private AcceptedRecipients() {
    }

    /** Remembers the argument of the RCPT command under way, as the client wrote it. */
    static void written(SMTPSession session, String word) {
        String original = word.length() >= 2 && word.startsWith("<") && word.endsWith(">")
            ? word.substring(1, word.length() - 1) : word;
        session.setAttachment(WRITTEN, original, State.Transaction);
    }

    /** Records the recipient of the RCPT command under way; false when the transaction took it before. */
    static boolean firstTime(SMTPSession session, EnvelopeRecipient recipient) {
        Set<String> taken = session.getAttachment(TAKEN, State.Transaction).orElseGet(() -> {
            Set<String> created = new HashSet<>();
            session.setAttachment(TAKEN, created, State.Transaction);
            return created;
        });
        String written = session.getAttachment(WRITTEN, State.Transaction).orElse("");
        return taken.add(CaseFold.of(written + "\n" + recipient.given()));
    }
}
