package io.mailform.runtime.smtp;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;

/**
 * Debian's smtpd_relay_restrictions (permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination), in
 * place of James's AuthRequiredToRelayRcptHook: a client that may not relay gets {@code 454 4.7.1 Relay access
 * denied} for every recipient that does not resolve to a local domain, however the address hides its destination.
 * Whether the client may relay is James's session state: its address in {@code authorizedAddresses}, or a login.
 */
public class RelayAccessRcptHook implements RcptHook, EnvelopeRecipientCheck {
    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        return check(session, EnvelopeRecipientCheck.current(session));
    }

    @Override
    public HookResult check(SMTPSession session, EnvelopeRecipient recipient) {
        if (recipient.local() || session.isRelayingAllowed()) {
            return HookResult.DECLINED;
        }
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.denySoft())
            .smtpReturnCode("454")
            .smtpDescription("4.7.1 <" + recipient.given() + ">: Relay access denied")
            .build();
    }
}
