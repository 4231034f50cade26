package io.mailform.runtime.smtp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.apache.james.core.Username;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.ProxyInformation;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.EhloExtension;
import org.apache.james.smtpserver.JamesWelcomeMessageHandler;

/**
 * Postfix's XCLIENT command, so that a test on loopback can speak as a client from anywhere, on James as on the
 * runtime's Postfix (smtpd_authorized_xclient_hosts = 127.0.0.1). Only a client at 127.0.0.1 may use it, and that is
 * judged by the address as XCLIENT last set it, as Postfix judges it. On success the session starts afresh, as if
 * the client had just connected with the given attributes, and gets the 220 greeting:
 * <ul>
 *   <li>ADDR (and NAME, PORT) become the client's address, which decides relaying against authorizedAddresses as
 *   Postfix's permit_mynetworks does, and which the Received header and the SMTPIsAuthNetwork matcher see;</li>
 *   <li>LOGIN makes the session authenticated, as Postfix's permit_sasl_authenticated counts it, but only where the
 *   server offers AUTH at all: with SASL off, Postfix records the name and grants nothing;</li>
 *   <li>HELO and PROTO set the HELO name and mode, which are otherwise forgotten.</li>
 * </ul>
 * The runtime adds this handler to smtpserver.xml at start; a compiled configuration never has it.
 */
public class XclientCmdHandler implements CommandHandler<SMTPSession>, EhloExtension {
    private static final String AUTHORIZED_CLIENT = "127.0.0.1";
    private static final Set<String> COMMANDS = Set.of("XCLIENT");

    private static final Response IN_TRANSACTION =
        new SMTPResponse("503", "5.5.1 Error: MAIL transaction in progress").immutable();
    private static final Response USAGE =
        new SMTPResponse("501", "5.5.4 Syntax: XCLIENT attribute=value...").immutable();
    private static final Response NOT_AUTHORIZED =
        new SMTPResponse("550", "5.7.0 Error: insufficient authorization").immutable();

    @Override
    public Collection<String> getImplCommands() {
        return COMMANDS;
    }

    @Override
    public List<String> getImplementedEsmtpFeatures(SMTPSession session) {
        return isAuthorized(session) ? List.of("XCLIENT " + XclientRequest.ATTRIBUTES) : List.of();
    }

    private static boolean isAuthorized(SMTPSession session) {
        InetAddress client = session.getRemoteAddress().getAddress();
        return client != null && AUTHORIZED_CLIENT.equals(client.getHostAddress());
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        if (session.getAttachment(SMTPSession.SENDER, State.Transaction).isPresent()) {
            return IN_TRANSACTION;
        }
        SmtpdTokens words = SmtpdTokens.of(request.getArgument());
        if (words.size() == 0) {
            return USAGE;
        }
        if (!isAuthorized(session)) {
            return NOT_AUTHORIZED;
        }
        XclientRequest xclient;
        try {
            xclient = XclientRequest.parse(words.textsFrom(0));
        } catch (XclientRequest.Invalid e) {
            return new SMTPResponse("501", "5.5.4 " + e.getMessage());
        }
        becomeClient(session, xclient);
        return new JamesWelcomeMessageHandler().onConnect(session);
    }

    private static void becomeClient(SMTPSession session, XclientRequest xclient) {
        InetSocketAddress current = session.getRemoteAddress();
        InetAddress address = xclient.address().orElse(current.getAddress());
        String name = xclient.name().orElseGet(current::getHostName);
        int port = xclient.port().orElse(current.getPort());
        // The relay decision is taken again from the new address, as a fresh connection would take it.
        session.setProxyInformation(new ProxyInformation(new InetSocketAddress(named(address, name), port),
            session.getLocalAddress()));
        session.setUsername(null);
        if (xclient.login().isPresent() && session.isAuthAnnounced()) {
            session.setUsername(usernameOrNull(xclient.login().get()));
            session.setRelayingAllowed(true);
        }
        session.resetState();
        session.removeAttachment(SMTPSession.CURRENT_HELO_NAME, State.Connection);
        session.removeAttachment(SMTPSession.CURRENT_HELO_MODE, State.Connection);
        xclient.helo().filter(helo -> !helo.isEmpty()).ifPresent(helo -> {
            session.setAttachment(SMTPSession.CURRENT_HELO_NAME, helo, State.Connection);
            session.setAttachment(SMTPSession.CURRENT_HELO_MODE,
                xclient.extendedSmtp().orElse(false) ? "EHLO" : "HELO", State.Connection);
        });
    }

    /** The address carrying the client's name, so that nothing looks the name up again. */
    private static InetAddress named(InetAddress address, String name) {
        try {
            return InetAddress.getByAddress(name, address.getAddress());
        } catch (UnknownHostException e) {
            // Only for an address of the wrong length, which an InetAddress never has.
            throw new IllegalStateException(e);
        }
    }

    /** James's user names are stricter than SASL's; a login it cannot name still authenticates the session. */
    private static Username usernameOrNull(String login) {
        try {
            return Username.of(login);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
