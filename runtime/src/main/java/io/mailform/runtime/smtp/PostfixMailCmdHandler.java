package io.mailform.runtime.smtp;

import java.util.Locale;

import javax.inject.Inject;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.MailCmdHandler;

import io.mailform.runtime.address.MailSettings;

/**
 * MAIL FROM with Postfix's replies for a second MAIL, a missing FROM: and an ESMTP parameter Postfix does not know,
 * and a bare sender qualified with the mail name (Postfix's myorigin) instead of James's default domain. The address
 * itself and SIZE are read by James.
 */
public class PostfixMailCmdHandler extends MailCmdHandler {
    private static final Response NESTED = new SMTPResponse("503", "5.5.1 Error: nested MAIL command").immutable();
    private static final Response SYNTAX = new SMTPResponse("501", "5.5.4 Syntax: MAIL FROM:<address>").immutable();

    private final MailNameQualifier qualifier;

    @Inject
    public PostfixMailCmdHandler(MetricFactory metricFactory, MailSettings settings, DomainList domains) {
        super(metricFactory);
        this.qualifier = new MailNameQualifier(settings, domains);
    }

    /** A second MAIL leaves the transaction under way as it is; James's handler would drop its sender. */
    @Override
    public Response onCommand(SMTPSession session, Request request) {
        if (session.getAttachment(SMTPSession.SENDER, State.Transaction).isPresent()) {
            return NESTED;
        }
        return super.onCommand(session, request);
    }

    @Override
    protected Response doFilterChecks(SMTPSession session, String command, String parameters) {
        SmtpdTokens words = SmtpdTokens.of(parameters);
        if (words.size() < 2 || !words.get(0).text().equalsIgnoreCase("from:")) {
            return SYNTAX;
        }
        for (String parameter : words.textsFrom(2)) {
            if (!isPostfixParameter(parameter)) {
                return new SMTPResponse("555", "5.5.4 Unsupported option: " + parameter);
            }
        }
        return super.doFilterChecks(session, command, parameters);
    }

    /** The MAIL parameters Postfix's smtpd takes (RFC 1652, 1870, 3461, 4954, 6531). */
    private static boolean isPostfixParameter(String parameter) {
        String upper = parameter.toUpperCase(Locale.ROOT);
        return upper.equals("BODY=8BITMIME") || upper.equals("BODY=7BIT") || upper.equals("SMTPUTF8")
            || upper.startsWith("SIZE=") || upper.startsWith("AUTH=") || upper.startsWith("RET=")
            || upper.startsWith("ENVID=");
    }

    @Override
    protected String getDefaultDomain() {
        return qualifier.domain();
    }
}
