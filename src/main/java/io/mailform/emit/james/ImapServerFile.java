package io.mailform.emit.james;

/**
 * imapserver.xml: Postfix has no IMAP server; this one is how tests and people read the mailboxes. Loopback only,
 * with plain logins, as the runtime starts it on loopback anyway.
 */
final class ImapServerFile {
    static final String FILE = "conf/imapserver.xml";

    private ImapServerFile() {
    }

    static XmlElement of() {
        return XmlElement.of("imapservers").add(XmlElement.of("imapserver").attribute("enabled", "true")
                .add("jmxName", "imapserver")
                .add("bind", "127.0.0.1:143")
                .add("connectionBacklog", "200")
                .add(XmlElement.of("tls").attribute("socketTLS", "false").attribute("startTLS", "false"))
                .add("connectionLimit", "0")
                .add("connectionLimitPerIP", "0")
                .add("idleTimeInterval", "120")
                .add("idleTimeIntervalUnit", "SECONDS")
                .add("enableIdle", "true")
                .add("plainAuthDisallowed", "false")
                .add(XmlElement.of("auth").add("plainAuthEnabled", "true")));
    }
}
