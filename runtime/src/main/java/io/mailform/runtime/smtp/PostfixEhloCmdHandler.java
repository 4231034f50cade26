package io.mailform.runtime.smtp;

import javax.inject.Inject;

import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.EhloCmdHandler;

/** EHLO without a host name gets Postfix's {@code 501 Syntax: EHLO hostname}, which has no enhanced status code. */
public class PostfixEhloCmdHandler extends EhloCmdHandler {
    private static final Response SYNTAX = new SMTPResponse("501", "Syntax: EHLO hostname").immutable();

    @Inject
    public PostfixEhloCmdHandler(MetricFactory metricFactory) {
        super(metricFactory);
    }

    @Override
    protected Response doFilterChecks(SMTPSession session, String command, String parameters) {
        Response response = super.doFilterChecks(session, command, parameters);
        return parameters == null ? SYNTAX : response;
    }
}
