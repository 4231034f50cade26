package io.mailform.runtime.smtp;

import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.StartTlsCmdHandler;

/**
 * STARTTLS where the server has no TLS, as the runtime's listener on loopback has none: Postfix with
 * smtpd_tls_security_level = none answers {@code 502 5.5.1 Error: command not implemented}.
 */
public class PostfixStartTlsCmdHandler extends StartTlsCmdHandler {
    private static final Response NOT_IMPLEMENTED =
        new SMTPResponse("502", "5.5.1 Error: command not implemented").immutable();

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        return session.isStartTLSSupported() ? super.onCommand(session, request) : NOT_IMPLEMENTED;
    }
}
