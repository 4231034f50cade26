package io.mailform.runtime.smtp;

import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.AuthCmdHandler;

/**
 * AUTH as Postfix answers it when the server offers no SASL (Debian's default, and every description's: mailform
 * configures no SASL server): {@code 503 5.5.1 Error: authentication not enabled}. James would try the login anyway.
 * Where smtpserver.xml does announce AUTH, James's handler answers.
 */
public class PostfixAuthCmdHandler extends AuthCmdHandler {
    private static final Response NOT_ENABLED =
        new SMTPResponse("503", "5.5.1 Error: authentication not enabled").immutable();

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        if (!session.isAuthAnnounced()) {
            return NOT_ENABLED;
        }
        return super.onCommand(session, request);
    }
}
