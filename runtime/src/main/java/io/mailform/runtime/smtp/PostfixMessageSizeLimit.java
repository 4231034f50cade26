package io.mailform.runtime.smtp;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.MailSizeEsmtpExtension;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;

/**
 * message_size_limit with Postfix's replies: {@code MAIL FROM:<...> SIZE=n} over the limit gets {@code 552 5.3.4
 * Message size exceeds fixed limit}, a message that turns out larger in DATA {@code 552 5.3.4 Error: message file too
 * big} (James answers that one without an enhanced status code), a SIZE that is no number {@code 501 5.5.4}.
 */
public class PostfixMessageSizeLimit extends MailSizeEsmtpExtension {
    private static final Response TOO_BIG = new SMTPResponse("552", "5.3.4 Error: message file too big").immutable();

    @Override
    public HookResult doMailParameter(SMTPSession session, String name, String value) {
        if (!value.matches("[0-9]+")) {
            return refusal("501", "5.5.4 Bad message size syntax");
        }
        long limit = session.getConfiguration().getMaxMessageSize();
        if (value.length() > 18) {
            return refusal("552", "5.3.4 Message size exceeds file system imposed limit");
        }
        long size = Long.parseLong(value);
        if (limit > 0 && size > limit) {
            return refusal("552", "5.3.4 Message size exceeds fixed limit");
        }
        // James keeps the announced size as an int; a larger one under no limit needs no keeping.
        return size <= Integer.MAX_VALUE ? super.doMailParameter(session, name, value) : null;
    }

    private static HookResult refusal(String code, String text) {
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode(code)
            .smtpDescription(text)
            .build();
    }

    @Override
    public Response onLine(SMTPSession session, byte[] line, LineHandler<SMTPSession> next) {
        Response response = super.onLine(session, line, next);
        if (response != null && SMTPRetCode.QUOTA_EXCEEDED.equals(response.getRetCode())) {
            return TOO_BIG;
        }
        return response;
    }
}
