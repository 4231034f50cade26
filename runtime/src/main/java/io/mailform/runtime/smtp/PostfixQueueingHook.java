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
 * queued: {@code 250 2.0.0 Ok: queued as ID}, where James says {@code 250 2.6.0 Message received}. Once the server
 * is stopping ({@link SmtpIntake}) it queues nothing and answers {@code 421 4.3.2}, as a client must then try again
 * elsewhere or later.
 */
public class PostfixQueueingHook extends SendMailHandler {
    private final SmtpIntake intake;

    @Inject
    public PostfixQueueingHook(MailQueueFactory<?> queueFactory, SmtpIntake intake) {
        super(queueFactory);
        this.intake = intake;
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        if (!intake.enter()) {
            return HookResult.builder().hookReturnCode(HookReturnCode.disconnected(HookReturnCode.Action.DENYSOFT))
                .smtpReturnCode("421").smtpDescription("4.3.2 Service shutting down").build();
        }
        HookResult result;
        try {
            result = super.onMessage(session, mail);
        } finally {
            intake.leave();
        }
        if (!result.getResult().equals(HookReturnCode.ok())) {
            return result;
        }
        return HookResult.builder().hookReturnCode(HookReturnCode.ok()).smtpReturnCode("250")
            .smtpDescription("2.0.0 Ok: queued as " + mail.getName()).build();
    }
}
