package io.mailform.runtime.smtp;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.james.protocols.api.handler.CommandDispatcher;
import org.apache.james.protocols.lib.handler.HandlersPackage;
import org.apache.james.protocols.smtp.core.ExpnCmdHandler;
import org.apache.james.protocols.smtp.core.HeloCmdHandler;
import org.apache.james.protocols.smtp.core.HelpCmdHandler;
import org.apache.james.protocols.smtp.core.PostmasterAbuseRcptHook;
import org.apache.james.protocols.smtp.core.UnknownCmdHandler;
import org.apache.james.protocols.smtp.core.VrfyCmdHandler;
import org.apache.james.protocols.smtp.core.esmtp.AuthCmdHandler;
import org.apache.james.protocols.smtp.core.esmtp.EhloCmdHandler;
import org.apache.james.protocols.smtp.core.esmtp.MailSizeEsmtpExtension;
import org.apache.james.protocols.smtp.core.esmtp.StartTlsCmdHandler;
import org.apache.james.smtpserver.AuthRequiredToRelayRcptHook;
import org.apache.james.smtpserver.CoreCmdHandlerLoader;
import org.apache.james.smtpserver.JamesDataCmdHandler;
import org.apache.james.smtpserver.JamesMailCmdHandler;
import org.apache.james.smtpserver.JamesRcptCmdHandler;
import org.apache.james.smtpserver.SendMailHandler;

/**
 * James's core SMTP handlers, with those whose replies differ from Postfix's replaced by the runtime's, and without
 * the ones Postfix has no equivalent of: HELP and EXPN are unknown commands to Postfix, and Postfix makes no exception
 * for postmaster@ and abuse@ of other domains. Named in smtpserver.xml as {@code <handlerchain
 * coreHandlersPackage="...">}: a second MAIL or RCPT handler beside James's would not replace it.
 */
public class MailformSmtpHandlers implements HandlersPackage {
    private static final Map<String, String> REPLACEMENTS = Map.ofEntries(
        replaced(CommandDispatcher.class, PostfixCommandDispatcher.class),
        replaced(JamesMailCmdHandler.class, PostfixMailCmdHandler.class),
        replaced(JamesRcptCmdHandler.class, PostfixRcptCmdHandler.class),
        replaced(JamesDataCmdHandler.class, PostfixDataCmdHandler.class),
        replaced(AuthCmdHandler.class, PostfixAuthCmdHandler.class),
        replaced(MailSizeEsmtpExtension.class, PostfixMessageSizeLimit.class),
        replaced(UnknownCmdHandler.class, PostfixUnknownCmdHandler.class),
        replaced(HeloCmdHandler.class, PostfixHeloCmdHandler.class),
        replaced(EhloCmdHandler.class, PostfixEhloCmdHandler.class),
        replaced(VrfyCmdHandler.class, PostfixVrfyCmdHandler.class),
        replaced(AuthRequiredToRelayRcptHook.class, RelayAccessRcptHook.class),
        replaced(StartTlsCmdHandler.class, PostfixStartTlsCmdHandler.class),
        replaced(SendMailHandler.class, PostfixQueueingHook.class));
    private static final Set<String> LEFT_OUT = Set.of(
        HelpCmdHandler.class.getName(),
        ExpnCmdHandler.class.getName(),
        PostmasterAbuseRcptHook.class.getName());

    private static Map.Entry<String, String> replaced(Class<?> james, Class<?> runtime) {
        return Map.entry(james.getName(), runtime.getName());
    }

    @Override
    public List<String> getHandlers() {
        return new CoreCmdHandlerLoader().getHandlers().stream()
            .filter(name -> !LEFT_OUT.contains(name))
            .map(name -> REPLACEMENTS.getOrDefault(name, name))
            .toList();
    }
}
