package io.mailform.runtime.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.james.protocols.smtp.core.HelpCmdHandler;
import org.apache.james.smtpserver.AuthRequiredToRelayRcptHook;
import org.apache.james.smtpserver.CoreCmdHandlerLoader;
import org.apache.james.smtpserver.JamesRcptCmdHandler;
import org.junit.jupiter.api.Test;

class MailformSmtpHandlersTest {
    private final List<String> handlers = new MailformSmtpHandlers().getHandlers();

    @Test
    void theRuntimesHandlersTakeTheirPlaceInJamesOrder() {
        List<String> james = new CoreCmdHandlerLoader().getHandlers();
        assertEquals(james.indexOf(JamesRcptCmdHandler.class.getName()) - 2,
            handlers.indexOf(PostfixRcptCmdHandler.class.getName()), "HELP is left out before RCPT, EXPN too");
        assertTrue(handlers.contains(RelayAccessRcptHook.class.getName()));
        assertFalse(handlers.contains(AuthRequiredToRelayRcptHook.class.getName()));
        assertFalse(handlers.contains(HelpCmdHandler.class.getName()));
    }

    @Test
    void everyHandlerCanBeLoaded() throws Exception {
        for (String handler : handlers) {
            Class.forName(handler);
        }
    }
}
