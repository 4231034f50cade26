package io.mailform.runtime.smtp;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.MaybeSender;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.AbstractHookableCmdHandler;
import org.apache.james.protocols.smtp.core.esmtp.EhloExtension;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.RcptHook;

import io.mailform.runtime.address.MailSettings;

/**
 * VRFY as Postfix's smtpd answers it with disable_vrfy_command = no, its default: the address goes through the same
 * checks as a RCPT TO (relay access, local recipients, local-only's error transport), and passes with {@code 252
 * 2.0.0 <address as given>}. EHLO announces it, as Postfix's does. James would answer 502 to every VRFY.
 */
public class PostfixVrfyCmdHandler extends AbstractHookableCmdHandler<RcptHook> implements EhloExtension {
    private static final Set<String> COMMANDS = Set.of("VRFY");
    private static final Response SYNTAX = new SMTPResponse("501", "5.5.4 Syntax: VRFY address [SMTPUTF8]").immutable();
    private static final Response BAD_ADDRESS =
        new SMTPResponse("501", "5.1.3 Bad recipient address syntax").immutable();

    private final RecipientReader reader;

    @Inject
    public PostfixVrfyCmdHandler(MetricFactory metricFactory, MailSettings settings, DomainList domains) {
        super(metricFactory);
        this.reader = new RecipientReader(new MailNameQualifier(settings, domains), domains);
    }

    @Override
    public Collection<String> getImplCommands() {
        return COMMANDS;
    }

    @Override
    public List<String> getImplementedEsmtpFeatures(SMTPSession session) {
        return List.of("VRFY");
    }

    @Override
    protected Response doFilterChecks(SMTPSession session, String command, String parameters) {
        SmtpdTokens words = SmtpdTokens.of(parameters);
        if (words.size() == 0) {
            return SYNTAX;
        }
        // Postfix takes every word after VRFY as one address.
        SmtpdTokens.Token address = new SmtpdTokens.Token(String.join(" ", words.textsFrom(0)),
            words.tokens().stream().anyMatch(SmtpdTokens.Token::broken));
        Optional<EnvelopeRecipient> recipient = reader.recipient(session, address, false);
        if (recipient.isEmpty()) {
            return BAD_ADDRESS;
        }
        session.setAttachment(EnvelopeRecipient.CURRENT, recipient.get(), State.Transaction);
        return null;
    }

    /** As for RCPT: the runtime's checks read Postfix's form; James's own hooks only addresses James can hold. */
    @Override
    protected HookResult callHook(RcptHook hook, SMTPSession session, String parameters) {
        EnvelopeRecipient recipient = EnvelopeRecipientCheck.current(session);
        if (hook instanceof EnvelopeRecipientCheck check) {
            return check.check(session, recipient);
        }
        return recipient.address()
            .map(address -> hook.doRcpt(session, MaybeSender.nullSender(), address, Map.of()))
            .orElse(HookResult.DECLINED);
    }

    @Override
    protected Response doCoreCmd(SMTPSession session, String command, String parameters) {
        session.removeAttachment(EnvelopeRecipient.CURRENT, State.Transaction);
        return new SMTPResponse("252", "2.0.0 " + String.join(" ", SmtpdTokens.of(parameters).textsFrom(0)));
    }

    @Override
    protected Class<RcptHook> getHookInterface() {
        return RcptHook.class;
    }
}
