package io.mailform.runtime.smtp;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.configuration2.Configuration;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;

/**
 * Postfix's {@code default_transport = error} (Debian's "Local only"): smtpd already refuses, at RCPT, mail that
 * would resolve to the error transport, with {@code 550 5.1.1 <rcpt>: Recipient address rejected: <domain>}. That is
 * every recipient neither in a local domain nor in a domain with a route of its own ({@code <routedDomain>} elements,
 * Postfix's transport map, matched exactly). Clients that may not relay are left to the relay check, which Postfix
 * applies first.
 */
public class ErrorTransportRcptHook implements RcptHook, EnvelopeRecipientCheck, ProtocolHandler {
    private Set<String> routedDomains = Set.of();

    @Override
    public void init(Configuration config) {
        List<String> domains = config.getList(String.class, "routedDomain", List.of());
        routedDomains = domains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        return check(session, EnvelopeRecipientCheck.current(session));
    }

    @Override
    public HookResult check(SMTPSession session, EnvelopeRecipient recipient) {
        String domain = recipient.domain().toLowerCase(Locale.ROOT);
        if (recipient.local() || !session.isRelayingAllowed() || routedDomains.contains(domain)) {
            return HookResult.DECLINED;
        }
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode("550")
            .smtpDescription("5.1.1 <" + recipient.given() + ">: Recipient address rejected: " + domain)
            .build();
    }
}
