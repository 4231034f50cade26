package io.mailform.runtime.smtp;

import javax.inject.Inject;

import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.smtpserver.JamesDataCmdHandler;

/**
 * DATA with Postfix's replies when it comes too early: {@code 503 5.5.1 Error: need RCPT command} outside a
 * transaction, {@code 554 5.5.1 Error: no valid recipients} when every RCPT was refused, {@code 501 5.5.4 Syntax:
 * DATA} with an argument.
 */
public class PostfixDataCmdHandler extends JamesDataCmdHandler {
    private static final Response NEED_RCPT = new SMTPResponse("503", "5.5.1 Error: need RCPT command").immutable();
    private static final Response NO_RECIPIENTS =
        new SMTPResponse("554", "5.5.1 Error: no valid recipients").immutable();
    private static final Response SYNTAX = new SMTPResponse("501", "5.5.4 Syntax: DATA").immutable();

    @Inject
    public PostfixDataCmdHandler(MetricFactory metricFactory) {
        super(metricFactory);
    }

    @Override
    protected Response doDATAFilter(SMTPSession session, String argument) {
        if (session.getRcptCount() == 0) {
            return session.getAttachment(SMTPSession.SENDER, State.Transaction).isPresent() ? NO_RECIPIENTS
                : NEED_RCPT;
        }
        if (argument != null && !argument.isBlank()) {
            return SYNTAX;
        }
        return null;
    }
}
