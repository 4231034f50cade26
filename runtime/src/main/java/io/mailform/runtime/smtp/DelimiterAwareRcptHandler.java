package io.mailform.runtime.smtp;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mailform.postfix.ReservedNames;
import io.mailform.runtime.address.RecipientDirectory;

/**
 * Postfix's local_recipient_maps check, in place of James's ValidRcptHandler: a recipient that resolves to a local
 * domain is accepted when it is a user or has a mapping, also once its extension is stripped (recipient_delimiter),
 * and always when it is one of Postfix's reserved names; else {@code 550 5.1.1 ... User unknown in local recipient
 * table}. Recipients in other domains are left to the relay check.
 */
public class DelimiterAwareRcptHandler implements RcptHook, EnvelopeRecipientCheck, ProtocolHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(DelimiterAwareRcptHandler.class);

    private final RecipientDirectory recipients;

    @Inject
    public DelimiterAwareRcptHandler(RecipientDirectory recipients) {
        this.recipients = recipients;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        return check(session, EnvelopeRecipientCheck.current(session));
    }

    /** A local part James cannot hold is no user and has no mapping: provisioning could not have made one. */
    @Override
    public HookResult check(SMTPSession session, EnvelopeRecipient recipient) {
        if (!recipient.local() || ReservedNames.isReserved(recipient.localPart())) {
            return HookResult.DECLINED;
        }
        String given = recipient.given();
        try {
            if (recipient.address().isPresent() && recipients.resolve(recipient.address().get()).isPresent()) {
                return HookResult.DECLINED;
            }
        } catch (Exception e) {
            LOGGER.error("Cannot look up recipient {}", given, e);
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.denySoft())
                .smtpReturnCode("451")
                .smtpDescription("4.3.0 <" + given + ">: Temporary lookup failure")
                .build();
        }
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode("550")
            .smtpDescription("5.1.1 <" + given + ">: Recipient address rejected: User unknown in local recipient table")
            .build();
    }
}
