package io.mailform.runtime.smtp;

import java.util.List;
import java.util.Map;

import org.apache.james.protocols.lib.handler.HandlersPackage;
import org.apache.james.smtpserver.CoreCmdHandlerLoader;
import org.apache.james.smtpserver.JamesMailCmdHandler;
import org.apache.james.smtpserver.JamesRcptCmdHandler;

/**
 * James's core SMTP handlers with MAIL and RCPT replaced by the mail-name aware ones. Named in smtpserver.xml as
 * {@code <handlerchain coreHandlersPackage="...">}: a second MAIL or RCPT handler beside James's would not replace it.
 */
public class MailformSmtpHandlers implements HandlersPackage {
    private static final Map<String, String> REPLACEMENTS = Map.of(
        JamesMailCmdHandler.class.getName(), MailNameMailCmdHandler.class.getName(),
        JamesRcptCmdHandler.class.getName(), MailNameRcptCmdHandler.class.getName());

    @Override
    public List<String> getHandlers() {
        return new CoreCmdHandlerLoader().getHandlers().stream()
            .map(name -> REPLACEMENTS.getOrDefault(name, name))
            .toList();
    }
}
