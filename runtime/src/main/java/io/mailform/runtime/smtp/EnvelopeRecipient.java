package io.mailform.runtime.smtp;

import java.util.Optional;

import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;

import io.mailform.postfix.AddressResolver;

/**
 * A recipient of the current RCPT command as Postfix's smtpd sees it: as the client gave it (internal form, which
 * Postfix's replies quote) and where it resolves to. The resolved address is the envelope recipient James keeps, as
 * Postfix delivers to it: {@code friend%remote.test@example.org} leaves as {@code friend@remote.test}.
 */
record EnvelopeRecipient(String given, MailAddress address, boolean local) {
    static final ProtocolSession.AttachmentKey<EnvelopeRecipient> CURRENT =
        ProtocolSession.AttachmentKey.of("mailform.envelopeRecipient", EnvelopeRecipient.class);

    /** The resolved address as James can hold it, or empty when James's address syntax cannot (IPv6 literals). */
    static Optional<EnvelopeRecipient> of(String given, AddressResolver.Resolved resolved) {
        try {
            return Optional.of(new EnvelopeRecipient(given,
                new MailAddress(quotedIfNeeded(resolved.localPart()) + "@" + resolved.domain()), resolved.local()));
        } catch (AddressException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The recipient the current RCPT command is about, once its argument has been read. */
    static Optional<EnvelopeRecipient> current(SMTPSession session) {
        return session.getAttachment(CURRENT, State.Transaction);
    }

    /** The text Postfix's replies quote: the recipient as given, else as resolved. */
    static String given(SMTPSession session, MailAddress recipient) {
        return current(session).map(EnvelopeRecipient::given).orElseGet(recipient::asString);
    }

    /** A local part that is no dot-atom (spaces, quotes, leading dots) is written as a quoted string. */
    static String quotedIfNeeded(String localPart) {
        if (isDotAtom(localPart)) {
            return localPart;
        }
        return "\"" + localPart.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean isDotAtom(String text) {
        if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
            return false;
        }
        return text.chars().allMatch(c -> c > 32 && c < 127 && "()<>[]\\,;:@\"".indexOf(c) < 0);
    }
}
