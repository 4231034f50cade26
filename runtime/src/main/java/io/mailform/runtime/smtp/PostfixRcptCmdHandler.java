package io.mailform.runtime.smtp;

import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MaybeSender;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.RcptCmdHandler;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.RcptHook;

import io.mailform.runtime.address.MailSettings;

/**
 * RCPT TO as Postfix's smtpd reads it, in place of James's: the same syntax and replies, a bare recipient qualified
 * with the mail name (myorigin, as Postfix's cleanup does), and the recipient resolved as Postfix resolves it
 * ({@link io.mailform.postfix.AddressReader}), so that the relay and recipient checks see where mail really goes and
 * James delivers to that address. No ESMTP parameters are taken: James announces no DSN. A recipient that passes
 * every check but that James's address syntax cannot hold is refused with {@link #CANNOT_HOLD} (known difference
 * KD3): Postfix would take it.
 */
public class PostfixRcptCmdHandler extends RcptCmdHandler {
    private static final Response MAIL_NEEDED = reply("503", "5.5.1 Error: need MAIL command");
    private static final Response SYNTAX = reply("501", "5.5.4 Syntax: RCPT TO:<address>");
    private static final Response BAD_ADDRESS = reply("501", "5.1.3 Bad recipient address syntax");
    private static final Response OK = reply("250", "2.1.5 Ok");
    /** The text of the refusal that the known difference KD3 recognises. */
    public static final String CANNOT_HOLD = "Apache James cannot hold this address";

    private final RecipientReader reader;

    @Inject
    public PostfixRcptCmdHandler(MetricFactory metricFactory, MailSettings settings, DomainList domains) {
        super(metricFactory);
        this.reader = new RecipientReader(new MailNameQualifier(settings, domains), domains);
    }

    private static Response reply(String code, String text) {
        return new SMTPResponse(code, text).immutable();
    }

    @Override
    protected Response doFilterChecks(SMTPSession session, String command, String argument) {
        session.removeAttachment(EnvelopeRecipient.CURRENT, State.Transaction);
        if (session.getAttachment(SMTPSession.SENDER, State.Transaction).isEmpty()) {
            return MAIL_NEEDED;
        }
        SmtpdTokens words = SmtpdTokens.of(argument);
        if (words.size() < 2 || !words.get(0).text().equalsIgnoreCase("to:")) {
            return SYNTAX;
        }
        Optional<EnvelopeRecipient> recipient = reader.recipient(session, words.get(1),
            PostfixMailCmdHandler.announcedSmtputf8(session));
        if (recipient.isEmpty()) {
            return BAD_ADDRESS;
        }
        if (words.size() > 2) {
            return new SMTPResponse("555", "5.5.4 Unsupported option: " + words.get(2).text());
        }
        session.setAttachment(EnvelopeRecipient.CURRENT, recipient.get(), State.Transaction);
        AcceptedRecipients.written(session, words.get(1).text());
        recipient.get().address()
            .ifPresent(address -> session.setAttachment(CURRENT_RECIPIENT, address, State.Transaction));
        return null;
    }

    @Override
    protected Response doCoreCmd(SMTPSession session, String command, String parameters) {
        EnvelopeRecipient recipient = EnvelopeRecipientCheck.current(session);
        if (recipient.address().isEmpty()) {
            return reply("553", "5.1.3 <" + recipient.given() + ">: Recipient address rejected: " + CANNOT_HOLD);
        }
        if (AcceptedRecipients.firstTime(session, recipient)) {
            super.doCoreCmd(session, command, parameters);
        }
        return OK;
    }

    /**
     * The runtime's checks decide on Postfix's reading of the recipient; James's own hooks, which need its
     * MailAddress, see only the addresses James can hold. The hooks get no parameters: none are taken, and James's
     * parser would choke on the ones it could not read.
     */
    @Override
    protected HookResult callHook(RcptHook rawHook, SMTPSession session, String parametersString) {
        EnvelopeRecipient recipient = EnvelopeRecipientCheck.current(session);
        if (rawHook instanceof EnvelopeRecipientCheck check) {
            return check.check(session, recipient);
        }
        MaybeSender sender = session.getAttachment(SMTPSession.SENDER, State.Transaction)
            .orElse(MaybeSender.nullSender());
        return recipient.address()
            .map(address -> rawHook.doRcpt(session, sender, address, Map.of()))
            .orElse(HookResult.DECLINED);
    }
}
