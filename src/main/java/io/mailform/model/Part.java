package io.mailform.model;

import java.util.Optional;

/**
 * A top-level key of the description, as the part of the model it sets. Rules name the parts they read, so that a
 * model bound from part of a description (the rest failed the schema) is checked only by rules that read nothing
 * missing from it.
 */
public enum Part {
    VERSION("version", false),
    MODE("mode", false),
    HOSTNAME("hostname", false),
    MAIL_NAME("mail_name", false),
    ROOT_RECIPIENT("root_recipient", false),
    DESTINATIONS("destinations", true),
    RELAY("relay", false),
    NETWORKS("networks", true),
    SYNCHRONOUS_UPDATES("synchronous_updates", false),
    PROCMAIL("procmail", false),
    MAILBOX_SIZE_LIMIT("mailbox_size_limit", false),
    MESSAGE_SIZE_LIMIT("message_size_limit", false),
    RECIPIENT_DELIMITER("recipient_delimiter", false),
    PROTOCOLS("protocols", false),
    INTERFACES("interfaces", false),
    ALIASES("aliases", true),
    USERS("users", true),
    ROUTES("routes", true),
    TLS("tls", false),
    POSTFIX("postfix", true),
    ALLOW_ALIAS_TARGETS("allow_alias_targets", false);

    private final String key;
    private final boolean entries;

    Part(String key, boolean entries) {
        this.key = key;
        this.entries = entries;
    }

    /** The key in the YAML. */
    public String key() {
        return key;
    }

    /**
     * True if the part is a collection of independent entries (a list of networks, a mapping of aliases) that one
     * entry can be left out of while the others keep their meaning.
     */
    public boolean hasEntries() {
        return entries;
    }

    public static Optional<Part> ofKey(String key) {
        for (Part part : values()) {
            if (part.key.equals(key)) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }
}
