package io.mailform.runtime.smtp;

import javax.inject.Inject;

import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.UnknownCmdHandler;

/** A command the server does not know, with Postfix's reply: {@code 500 5.5.2 Error: command not recognized}. */
public class PostfixUnknownCmdHandler extends UnknownCmdHandler {
    private static final Response NOT_RECOGNIZED =
        new SMTPResponse("500", "5.5.2 Error: command not recognized").immutable();

    @Inject
    public PostfixUnknownCmdHandler(MetricFactory metricFactory) {
        super(metricFactory);
    }

    @Override
    protected Response doCoreCmd(SMTPSession session, String command, String parameters) {
        return NOT_RECOGNIZED;
    }
}
