package io.mailform.emit.james;

import io.mailform.model.IpAddress;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Route;
import io.mailform.model.ServerTls;
import io.mailform.model.Size;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * smtpserver.xml: one SMTP server on port 25 where Postfix's smtpd listens, relaying for {@code networks}, refusing
 * messages over {@code message_size_limit}, greeting as {@code hostname}, with the runtime's handlers that answer as
 * Postfix's smtpd: the core package, the local recipient check that knows the recipient delimiter, and for local-only
 * the refusal of mail that Postfix's error transport would get. No SMTP AUTH is offered, as Debian's Postfix offers
 * none; HELO is not required and MAIL FROM takes an address without brackets, as in Postfix.
 */
final class SmtpServerFile {
    static final String FILE = "conf/smtpserver.xml";
    static final String HANDLERS_PACKAGE = "io.mailform.runtime.smtp.MailformSmtpHandlers";
    static final String RCPT_HANDLER = "io.mailform.runtime.smtp.DelimiterAwareRcptHandler";
    static final String ERROR_TRANSPORT_HANDLER = "io.mailform.runtime.smtp.ErrorTransportRcptHook";
    /** Postfix's message_size_limit when main.cf does not set it. */
    static final Size POSTFIX_MESSAGE_SIZE_LIMIT = new Size(10_240_000);
    private static final int SMTP_PORT = 25;

    private SmtpServerFile() {
    }

    static XmlElement of(MailSystem system, List<IpAddress> bindAddresses, Optional<String> authorizedAddresses) {
        String hostname = system.hostname().orElseThrow().value();
        XmlElement server = XmlElement.of("smtpserver").attribute("enabled", "true")
                .add("jmxName", "smtpserver")
                .add("bind", bind(bindAddresses))
                .add("connectionBacklog", "200")
                .add(tls(system.serverTls()))
                .add("connectiontimeout", "360")
                .add("connectionLimit", "0")
                .add("connectionLimitPerIP", "0")
                .add(XmlElement.of("auth")
                        .add("announce", "never")
                        .add("requireSSL", "false")
                        .add("plainAuthEnabled", "false"));
        authorizedAddresses.ifPresent(addresses -> server.add("authorizedAddresses", addresses));
        return XmlElement.of("smtpservers").add(server
                .add("verifyIdentity", "false")
                .add("maxmessagesize", maxMessageSize(system.messageSizeLimit().orElse(POSTFIX_MESSAGE_SIZE_LIMIT)))
                .add("heloEhloEnforcement", "false")
                .add("addressBracketsEnforcement", "false")
                .add(XmlElement.of("helloName", hostname).attribute("autodetect", "false"))
                .add("smtpGreeting", hostname + " ESMTP")
                .add(handlerChain(system)));
    }

    private static XmlElement handlerChain(MailSystem system) {
        XmlElement chain = XmlElement.of("handlerchain").attribute("coreHandlersPackage", HANDLERS_PACKAGE)
                .add(XmlElement.of("handler").attribute("class", RCPT_HANDLER));
        if (system.mode() == Mode.LOCAL_ONLY) {
            // default_transport = error: mail for a domain neither local nor routed is refused at RCPT.
            XmlElement errorTransport = XmlElement.of("handler").attribute("class", ERROR_TRANSPORT_HANDLER);
            system.routes().stream().map(Route::domain)
                    .forEach(domain -> errorTransport.add("routedDomain", domain.value()));
            chain.add(errorTransport);
        }
        return chain;
    }

    /**
     * Where Postfix's inet_interfaces listens: every IPv4 interface, loopback, or the listed IPv4 addresses. James
     * 3.8.1 splits {@code <bind>} at ':', so IPv6 addresses cannot be written (see {@link ListenAddresses}).
     */
    static String bind(List<IpAddress> addresses) {
        return addresses.stream().map(address -> address.text() + ":" + SMTP_PORT).collect(Collectors.joining(","));
    }

    /** STARTTLS with the server's PEM certificate and key, as Debian's Postfix offers it; none without one. */
    private static XmlElement tls(ServerTls serverTls) {
        XmlElement tls = XmlElement.of("tls").attribute("socketTLS", "false");
        if (serverTls instanceof ServerTls.Certificate certificate) {
            return tls.attribute("startTLS", "true")
                    .add("privateKey", fileUrl(certificate.keyFile()))
                    .add("certificates", fileUrl(certificate.certFile()));
        }
        return tls.attribute("startTLS", "false");
    }

    /** James resolves configuration paths through its file system: an absolute path is a file:// URL. */
    static String fileUrl(String absolutePath) {
        return "file://" + absolutePath;
    }

    /** In bytes, with James's byte suffix (its default unit is KiB); 0 means no limit in both. */
    static String maxMessageSize(Size limit) {
        return limit.isUnlimited() ? "0" : limit.bytes() + "B";
    }
}
