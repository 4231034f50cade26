package io.mailform.runtime.smtp;

import javax.inject.Inject;

import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.smtpserver.SendMailHandler;
import org.apache.mailet.Mail;

/**
 * James's hand-over of a received message to its spool, answering as Postfix's cleanup does once the message is
 * queued: {@code 250 2.0.0 Ok: queued as ID}, where James says {@code 250 2.6.0 Message received}.
 */
public class PostfixQueueingHook extends SendMailHandler {
    @Inject
    public PostfixQueueingHook(MailQueueFactory<?> queueFactory) {
        super(queueFactory);
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        HookResult result = super.onMessage(session, mail);
        if (!result.getResult().equals(HookReturnCode.ok())) {
            return result;
        }
        return HookResult.builder().hookReturnCode(HookReturnCode.ok()).smtpReturnCode("250")
            .smtpDescription("2.0.0 Ok: queued as " + mail.getName()).build();
    }
}
