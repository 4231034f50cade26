package io.mailform.check;

import io.mailform.postfix.MainCfParameter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The YAML key that sets each main.cf parameter mailform owns, to tell users where to write it instead. */
public final class OwningKeys {
    private static final Map<MainCfParameter, String> KEYS = new EnumMap<>(MainCfParameter.class);

    static {
        KEYS.put(MainCfParameter.SMTPD_TLS_CERT_FILE, "tls.server");
        KEYS.put(MainCfParameter.SMTPD_TLS_KEY_FILE, "tls.server");
        KEYS.put(MainCfParameter.SMTPD_TLS_SECURITY_LEVEL, "tls.server");
        KEYS.put(MainCfParameter.SMTP_TLS_SECURITY_LEVEL, "relay.tls");
        KEYS.put(MainCfParameter.MYHOSTNAME, "hostname");
        KEYS.put(MainCfParameter.ALIAS_MAPS, "aliases");
        KEYS.put(MainCfParameter.ALIAS_DATABASE, "aliases");
        KEYS.put(MainCfParameter.MYORIGIN, "mail_name");
        KEYS.put(MainCfParameter.MYDESTINATION, "destinations");
        KEYS.put(MainCfParameter.RELAYHOST, "relay");
        KEYS.put(MainCfParameter.MYNETWORKS, "networks");
        KEYS.put(MainCfParameter.MAILBOX_COMMAND, "procmail");
        KEYS.put(MainCfParameter.MAILBOX_SIZE_LIMIT, "mailbox_size_limit");
        KEYS.put(MainCfParameter.RECIPIENT_DELIMITER, "recipient_delimiter");
        KEYS.put(MainCfParameter.INET_INTERFACES, "interfaces");
        KEYS.put(MainCfParameter.DEFAULT_TRANSPORT, "mode");
        KEYS.put(MainCfParameter.RELAY_TRANSPORT, "mode");
        KEYS.put(MainCfParameter.INET_PROTOCOLS, "protocols");
        KEYS.put(MainCfParameter.MESSAGE_SIZE_LIMIT, "message_size_limit");
        KEYS.put(MainCfParameter.TRANSPORT_MAPS, "routes");
        KEYS.put(MainCfParameter.SMTP_SASL_AUTH_ENABLE, "relay.auth");
        KEYS.put(MainCfParameter.SMTP_SASL_PASSWORD_MAPS, "relay.auth");
        KEYS.put(MainCfParameter.SMTP_SASL_SECURITY_OPTIONS, "relay.auth");
        KEYS.put(MainCfParameter.SMTP_TLS_POLICY_MAPS, "routes.<domain>.tls");
    }

    private OwningKeys() {
    }

    /** The key, for a parameter of {@link MainCfParameter.Ownership#KEY}; empty for the baseline ones. */
    public static Optional<String> of(MainCfParameter parameter) {
        return Optional.ofNullable(KEYS.get(parameter));
    }
}
