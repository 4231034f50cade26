package io.mailform.runtime.smtp;

import java.util.Optional;

import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;

import io.mailform.postfix.AddressResolver;

/**
 * A recipient of the current RCPT or VRFY command as Postfix's smtpd sees it: as the client gave it (internal form,
 * which Postfix's replies quote) and where it resolves to ({@code localPart@domain}, in a local domain or not). The
 * checks of the runtime decide on this reading alone. {@code address} is the resolved address as James holds it, the
 * envelope recipient James delivers to, as Postfix does ({@code friend%remote.test@example.org} leaves as
 * {@code friend@remote.test}); empty where James's address syntax cannot hold what Postfix takes (known difference
 * KD3).
 */
record EnvelopeRecipient(String given, String localPart, String domain, boolean local,
        Optional<MailAddress> address) {
    static final ProtocolSession.AttachmentKey<EnvelopeRecipient> CURRENT =
        ProtocolSession.AttachmentKey.of("mailform.envelopeRecipient", EnvelopeRecipient.class);

    static EnvelopeRecipient of(String given, AddressResolver.Resolved resolved) {
        return new EnvelopeRecipient(given, resolved.localPart(), resolved.domain(), resolved.local(),
            jamesAddress(resolved.localPart(), resolved.domain())
                .filter(address -> !address.getLocalPart().contains("@")));
    }

    /**
     * {@code localPart@domain} as James's MailAddress, or empty when James cannot carry it: its syntax refuses it, or
     * javax.mail, by which James sends mail on and writes bounces, cannot read it back ({@code "a\\"@remote.test}).
     * As a recipient, James cannot hold a local part with an @ either (see {@link #of}): its recipient rewrite table
     * takes the local part for a user name.
     */
    static Optional<MailAddress> jamesAddress(String localPart, String domain) {
        try {
            MailAddress address = new MailAddress(quotedIfNeeded(localPart) + "@" + domain);
            return address.toInternetAddress().isPresent() ? Optional.of(address) : Optional.empty();
        } catch (AddressException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The recipient the current RCPT or VRFY command is about, once its argument has been read. */
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
