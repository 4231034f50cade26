package io.mailform.runtime.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The configuration James actually reads: a copy of {@code DIR/james/conf} in a working directory, with what the
 * runtime owns overridden. The compiled files stay as they are; only the copy changes:
 * <ul>
 *   <li>the SMTP and IMAP listeners bind to 127.0.0.1 on the chosen ports, without TLS: the certificate and key are
 *   the target host's files, and clients on loopback speak plain SMTP and IMAP; they stop without James's graceful
 *   wait;</li>
 *   <li>SMTP takes Postfix's XCLIENT command from 127.0.0.1, so that tests choose the client address they speak
 *   from, as the runtime's Postfix allows with smtpd_authorized_xclient_hosts = 127.0.0.1;</li>
 *   <li>in the sandbox, every RemoteDelivery sends to the capture sink standing in for its gateway, with STARTTLS
 *   where the description asks for TLS, trusting the sink's certificate.</li>
 * </ul>
 */
public final class EffectiveConfiguration {
    private static final String LOOPBACK = "127.0.0.1";
    static final String USERS_DIGEST = "SHA-512";
    static final String XCLIENT_HANDLER = "io.mailform.runtime.smtp.XclientCmdHandler";

    private final JamesDirectory source;

    public EffectiveConfiguration(JamesDirectory source) {
        this.source = source;
    }

    /** The destinations of the RemoteDelivery mailets, by {@link OutboundGateway} name, in file order. */
    public List<String> outboundGateways() throws StartupException {
        Set<String> names = new LinkedHashSet<>();
        for (Element mailet : OutboundGateway.remoteDeliveryMailets(mailetContainer())) {
            names.add(OutboundGateway.nameOf(mailet));
        }
        return List.copyOf(names);
    }

    /**
     * Writes the configuration into {@code workingDirectory/conf}.
     *
     * @param sinkPorts capture sink port by gateway name; empty when the sandbox is off
     */
    public void write(Path workingDirectory, int smtpPort, int imapPort, Map<String, Integer> sinkPorts)
            throws StartupException {
        Path conf = workingDirectory.resolve("conf");
        copyAll(conf);
        Document smtp = withListener(source.conf().resolve("smtpserver.xml"), "smtpserver", smtpPort);
        withXclient(enabledServer(smtp, "smtpserver"));
        XmlFiles.write(smtp, conf.resolve("smtpserver.xml"));
        XmlFiles.write(withListener(source.conf().resolve("imapserver.xml"), "imapserver", imapPort),
            conf.resolve("imapserver.xml"));
        if (!sinkPorts.isEmpty()) {
            XmlFiles.write(redirectedToSinks(sinkPorts), conf.resolve("mailetcontainer.xml"));
        }
        XmlFiles.write(withPlainDigest(source.conf().resolve("usersrepository.xml")),
            conf.resolve("usersrepository.xml"));
    }

    /**
     * Passwords hashed with one salted SHA-512 digest instead of PBKDF2's 1,000 rounds: the accounts live in memory
     * for one run only, with passwords the runtime holds in memory anyway, and PBKDF2 cost 1.5 ms per account, 15 s of
     * the start of 10,000 users. Logins are checked as before.
     */
    private static Document withPlainDigest(Path file) throws StartupException {
        Document document = XmlFiles.read(file);
        XmlFiles.setChildText(document.getDocumentElement(), "algorithm", USERS_DIGEST);
        return document;
    }

    private void copyAll(Path target) throws StartupException {
        try (Stream<Path> files = Files.list(source.conf())) {
            Files.createDirectories(target);
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    Files.copy(file, target.resolve(file.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new StartupException("cannot copy " + source.conf() + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Exactly one enabled server of the kind, bound to loopback on {@code port}. */
    private Document withListener(Path file, String serverElement, int port) throws StartupException {
        Document document = XmlFiles.read(file);
        List<Element> enabled = enabledServers(document, serverElement);
        if (enabled.size() != 1) {
            throw new StartupException(file + ": has " + enabled.size() + " enabled <" + serverElement
                + "> elements; the runtime needs exactly one (runtime/CONFIG.md)");
        }
        XmlFiles.setChildText(enabled.get(0), "bind", LOOPBACK + ":" + port);
        // James's graceful unbind waits out Netty's two-second quiet period per server at stop; the runtime closes
        // the SMTP intake itself before it unbinds (SmtpIntake), so nothing is left for the wait to protect.
        XmlFiles.setChildText(enabled.get(0), "gracefulShutdown", "false");
        withoutTls(enabled.get(0));
        return document;
    }

    private static List<Element> enabledServers(Document document, String serverElement) {
        return XmlFiles.children(document.getDocumentElement(), serverElement).stream()
            .filter(server -> !"false".equalsIgnoreCase(server.getAttribute("enabled")))
            .toList();
    }

    private static Element enabledServer(Document document, String serverElement) {
        return enabledServers(document, serverElement).get(0);
    }

    /** The XCLIENT command handler at the end of the handler chain, which James creates when it is missing. */
    private static void withXclient(Element server) {
        Document document = server.getOwnerDocument();
        List<Element> chains = XmlFiles.children(server, "handlerchain");
        Element chain = chains.isEmpty() ? (Element) server.appendChild(document.createElement("handlerchain"))
            : chains.get(0);
        Element handler = document.createElement("handler");
        handler.setAttribute("class", XCLIENT_HANDLER);
        chain.appendChild(handler);
    }

    private static void withoutTls(Element server) {
        XmlFiles.removeChildren(server, "tls");
        Element tls = server.getOwnerDocument().createElement("tls");
        tls.setAttribute("socketTLS", "false");
        tls.setAttribute("startTLS", "false");
        server.appendChild(tls);
    }

    private Document redirectedToSinks(Map<String, Integer> sinkPorts) throws StartupException {
        Document document = mailetContainer();
        for (Element mailet : OutboundGateway.remoteDeliveryMailets(document)) {
            Integer port = sinkPorts.get(OutboundGateway.nameOf(mailet));
            if (port == null) {
                throw new IllegalStateException("no capture sink for " + OutboundGateway.nameOf(mailet));
            }
            XmlFiles.setChildText(mailet, "gateway", LOOPBACK);
            XmlFiles.setChildText(mailet, "gatewayPort", Integer.toString(port));
            // The sinks offer STARTTLS, never TLS from the first byte. STARTTLS stays as the description asks, so
            // that a sink records whether the mail came encrypted; the credentials stay, so that it records the
            // AUTH. The sinks' certificate names the sandbox, not the next hop: it is trusted as it is.
            XmlFiles.removeChildren(mailet, "sslEnable");
            if ("true".equals(XmlFiles.childText(mailet, "startTLS"))) {
                XmlFiles.setChildText(mailet, "mail.smtp.ssl.trust", "*");
            }
            XmlFiles.setChildText(mailet, "verifyServerIdentity", "false");
        }
        return document;
    }

    private Document mailetContainer() throws StartupException {
        return XmlFiles.read(source.conf().resolve("mailetcontainer.xml"));
    }
}
