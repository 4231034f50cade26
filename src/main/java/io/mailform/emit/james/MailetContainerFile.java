package io.mailform.emit.james;

import io.mailform.model.TlsLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * mailetcontainer.xml: the processors every message goes through, in the shape runtime/CONFIG.md describes. Local
 * recipients are delivered (or bounced when the mailbox is full), unknown local ones bounced, others relayed when
 * the client may relay: routed domains first, each through its own RemoteDelivery and queue, then the default way.
 */
final class MailetContainerFile {
    static final String FILE = "conf/mailetcontainer.xml";
    static final String STRIP_EXTENSION = "io.mailform.runtime.mailet.StripRecipientExtension";
    static final String COPY_PER_LOCAL_RECIPIENT = "io.mailform.runtime.mailet.CopyPerLocalRecipient";
    static final String RESERVED_NAME_WITHOUT_ALIAS = "io.mailform.runtime.mailet.ReservedNameWithoutAlias";
    private static final String RELAY_ALLOWED = "relay-allowed";

    /**
     * Postfix's retry schedule: the delay doubles from minimal_backoff_time (300 s) up to maximal_backoff_time
     * (4000 s), and a message is bounced after maximal_queue_lifetime (5 days): 4 + 107 attempts.
     */
    static final String DELAY_TIME = "5 minutes, 10 minutes, 20 minutes, 40 minutes, 107*4000 seconds";
    static final String MAX_RETRIES = "111";

    private MailetContainerFile() {
    }

    static XmlElement of(LocalDomains domains, OutboundPlan plan, String heloName) {
        XmlElement processors = XmlElement.of("processors")
                .add(root())
                .add(error())
                .add(transport())
                .add(localDelivery())
                .add(relay(plan, heloName));
        for (RoutedDomain route : plan.routes()) {
            processors.add(processor(route.processor()).addAll(outbound(route.outbound(), heloName)));
        }
        processors
                .add(bounceAndKeep("local-address-error", "address-error"))
                .add(bounceAndKeep("relay-denied", "relay-denied"))
                .add(processor("bounces").add(mailet("All", "DSNBounce").add("passThrough", "false")))
                .add(rrtError());
        return XmlElement.of("mailetcontainer").attribute("enableJmx", "false")
                .add(XmlElement.of("context").add("postmaster", "postmaster@" + domains.defaultDomain().value()))
                .add(XmlElement.of("spooler")
                        .add("threads", "4")
                        .add("errorRepository", repository("error")))
                .add(processors);
    }

    private static XmlElement processor(String state) {
        return XmlElement.of("processor").attribute("state", state).attribute("enableJmx", "false");
    }

    private static XmlElement mailet(String match, String type) {
        return XmlElement.of("mailet").attribute("match", match).attribute("class", type);
    }

    private static XmlElement toProcessor(String match, String target) {
        return mailet(match, "ToProcessor").add("processor", target);
    }

    private static String repository(String name) {
        return "memory://var/mail/" + name + "/";
    }

    /**
     * Each local recipient on its own first (Postfix delivers a copy per recipient, where James would merge
     * recipients that reach one mailbox, and PostmasterAlias merges postmaster@ of every local domain into one), then
     * postmaster for every local domain, a guard against mail loops, and the transport.
     */
    private static XmlElement root() {
        return processor("root")
                .add(mailet("All", COPY_PER_LOCAL_RECIPIENT))
                .add(mailet("All", "PostmasterAlias"))
                .add(mailet("RelayLimit=30", "Null"))
                .add(toProcessor("All", "transport"));
    }

    private static XmlElement error() {
        return processor("error")
                .add(mailet("All", "Bounce").add("onMailetException", "ignore"))
                .add(mailet("All", "ToRepository")
                        .add("repositoryPath", repository("error"))
                        .add("onMailetException", "propagate"));
    }

    /**
     * The recipient delimiter before the aliases (user+ext that is neither a user nor an
     * alias becomes user) and again after them (an alias target user+ext), as Postfix's local(8) applies it at every
     * step. Mail for MAILER-DAEMON and double-bounce that no alias takes is discarded, as Postfix discards it.
     */
    private static XmlElement transport() {
        XmlElement relayAllowed = XmlElement.of("matcher").attribute("name", RELAY_ALLOWED)
                .attribute("match", "org.apache.james.mailetcontainer.impl.matchers.Or")
                .add(XmlElement.of("matcher").attribute("match", "SMTPAuthSuccessful"))
                .add(XmlElement.of("matcher").attribute("match", "SMTPIsAuthNetwork"))
                .add(XmlElement.of("matcher").attribute("match", "SentByMailet"));
        return processor("transport")
                .add(relayAllowed)
                .add(mailet("All", "RemoveMimeHeader").add("name", "bcc").add("onMailetException", "ignore"))
                .add(mailet("All", STRIP_EXTENSION))
                .add(mailet("All", "RecipientRewriteTable").add("errorProcessor", "rrt-error"))
                .add(mailet("All", STRIP_EXTENSION))
                .add(mailet(RESERVED_NAME_WITHOUT_ALIAS, "Null"))
                .add(toProcessor("RecipientIsLocal", "local-delivery"))
                .add(toProcessor("HostIsLocal", "local-address-error")
                        .add("notice", "550 - Requested action not taken: no such user here"))
                .add(toProcessor(RELAY_ALLOWED, "relay"))
                .add(toProcessor("All", "relay-denied"));
    }

    /**
     * Postfix's mailbox_size_limit: a message that would overflow the mailbox is bounced, not delivered, with a
     * delivery status notification of status 5.2.2 (mailbox full) as local(8) sends it. DSNBounce passes the mail on
     * unless told not to, and the mailbox would then refuse it a second time with a second bounce.
     */
    private static XmlElement localDelivery() {
        return processor("local-delivery")
                .add(mailet("IsOverQuota", "DSNBounce")
                        .add("defaultStatus", "5.2.2")
                        .add("attachment", "heads")
                        .add("passThrough", "false"))
                .add(mailet("All", "AddDeliveredToHeader"))
                .add(mailet("All", "LocalDelivery"));
    }

    /** Routed domains leave through their own processors; the rest goes the default way. */
    private static XmlElement relay(OutboundPlan plan, String heloName) {
        XmlElement relay = processor("relay");
        for (RoutedDomain route : plan.routes()) {
            relay.add(toProcessor("HostIs=" + route.domain().value(), route.processor()));
        }
        return relay.addAll(outbound(plan.fallback(), heloName));
    }

    /** A RemoteDelivery, or a Bounce that ends the mail's way here. */
    private static List<XmlElement> outbound(Outbound outbound, String heloName) {
        if (outbound instanceof Outbound.Refused refused) {
            return List.of(mailet("All", "Bounce")
                    .add("attachment", "none")
                    .add("passThrough", "false")
                    .add("notice", refused.notice()));
        }
        return List.of(remoteDelivery((Outbound.Remote) outbound, heloName));
    }

    private static XmlElement remoteDelivery(Outbound.Remote remote, String heloName) {
        XmlElement mailet = mailet("All", "RemoteDelivery").add("outgoing", remote.queue());
        remote.gateway().ifPresent(gateway -> {
            mailet.add("gateway", gateway.host()).add("gatewayPort", Integer.toString(gateway.port()));
            gateway.login().ifPresent(login -> mailet
                    .add("gatewayUsername", login.username())
                    .add("gatewayPassword", login.password()));
        });
        mailet.addAll(clientTls(remote.tls()));
        return mailet
                // Addresses with characters outside ASCII go out as UTF-8, as Postfix sends them; without this,
                // JavaMail writes each such character as '?'.
                .add("mail.mime.allowutf8", "true")
                .add("heloName", heloName)
                .add("delayTime", DELAY_TIME)
                .add("maxRetries", MAX_RETRIES)
                .add("maxDnsProblemRetries", "0")
                .add("deliveryThreads", "2")
                .add("sendpartial", "true")
                .add("bounceProcessor", "bounces");
    }

    /**
     * Postfix's smtp_tls_security_level in JavaMail's terms (RemoteDelivery passes {@code mail.*} parameters to the
     * SMTP session): may and encrypt accept any certificate as Postfix does at those levels, encrypt refuses to go
     * on without STARTTLS, verify and secure check the certificate chain and the host name.
     */
    static List<XmlElement> clientTls(TlsLevel level) {
        List<XmlElement> settings = new ArrayList<>();
        boolean startTls = level != TlsLevel.NONE;
        boolean required = level.compareTo(TlsLevel.ENCRYPT) >= 0;
        boolean verified = level.compareTo(TlsLevel.VERIFY) >= 0;
        settings.add(XmlElement.of("startTLS", Boolean.toString(startTls)));
        if (required) {
            settings.add(XmlElement.of("mail.smtp.starttls.required", "true"));
        }
        if (startTls && !verified) {
            settings.add(XmlElement.of("mail.smtp.ssl.trust", "*"));
        }
        settings.add(XmlElement.of("verifyServerIdentity", Boolean.toString(verified)));
        return settings;
    }

    private static XmlElement bounceAndKeep(String state, String repositoryName) {
        return processor(state)
                .add(mailet("All", "Bounce").add("attachment", "none"))
                .add(mailet("All", "ToRepository").add("repositoryPath", repository(repositoryName)));
    }

    private static XmlElement rrtError() {
        return processor("rrt-error")
                .add(mailet("All", "ToRepository")
                        .add("repositoryPath", repository("rrt-error"))
                        .add("passThrough", "true"))
                .add(mailet("IsSenderInRRTLoop", "Null"))
                .add(mailet("All", "Bounce"));
    }
}
