package io.mailform.postfix;

import java.util.Optional;

/**
 * The main.cf parameters mailform writes itself, in the order Debian's installer writes them. A parameter that a
 * YAML key sets is {@link Ownership#KEY}: naming it under {@code postfix} is an error, since two places would set it.
 * A {@link Ownership#BASELINE} parameter carries Debian's default and may be overridden under {@code postfix}.
 */
public enum MainCfParameter {
    SMTPD_BANNER("smtpd_banner", Ownership.BASELINE),
    BIFF("biff", Ownership.BASELINE),
    APPEND_DOT_MYDOMAIN("append_dot_mydomain", Ownership.BASELINE),
    README_DIRECTORY("readme_directory", Ownership.BASELINE),
    COMPATIBILITY_LEVEL("compatibility_level", Ownership.BASELINE),
    SMTPD_TLS_CERT_FILE("smtpd_tls_cert_file", Ownership.KEY),
    SMTPD_TLS_KEY_FILE("smtpd_tls_key_file", Ownership.KEY),
    SMTPD_TLS_SECURITY_LEVEL("smtpd_tls_security_level", Ownership.KEY),
    SMTP_TLS_CAPATH("smtp_tls_CApath", Ownership.BASELINE),
    SMTP_TLS_SECURITY_LEVEL("smtp_tls_security_level", Ownership.KEY),
    SMTP_TLS_SESSION_CACHE_DATABASE("smtp_tls_session_cache_database", Ownership.BASELINE),
    SMTPD_RELAY_RESTRICTIONS("smtpd_relay_restrictions", Ownership.BASELINE),
    MYHOSTNAME("myhostname", Ownership.KEY),
    ALIAS_MAPS("alias_maps", Ownership.KEY),
    ALIAS_DATABASE("alias_database", Ownership.KEY),
    MYORIGIN("myorigin", Ownership.KEY),
    MYDESTINATION("mydestination", Ownership.KEY),
    RELAYHOST("relayhost", Ownership.KEY),
    MYNETWORKS("mynetworks", Ownership.KEY),
    MAILBOX_COMMAND("mailbox_command", Ownership.KEY),
    MAILBOX_SIZE_LIMIT("mailbox_size_limit", Ownership.KEY),
    RECIPIENT_DELIMITER("recipient_delimiter", Ownership.KEY),
    INET_INTERFACES("inet_interfaces", Ownership.KEY),
    DEFAULT_TRANSPORT("default_transport", Ownership.KEY),
    RELAY_TRANSPORT("relay_transport", Ownership.KEY),
    INET_PROTOCOLS("inet_protocols", Ownership.KEY),
    // What Debian's installer does not ask but real sites add.
    MESSAGE_SIZE_LIMIT("message_size_limit", Ownership.KEY),
    TRANSPORT_MAPS("transport_maps", Ownership.KEY),
    SMTP_SASL_AUTH_ENABLE("smtp_sasl_auth_enable", Ownership.KEY),
    SMTP_SASL_PASSWORD_MAPS("smtp_sasl_password_maps", Ownership.KEY),
    SMTP_SASL_SECURITY_OPTIONS("smtp_sasl_security_options", Ownership.KEY),
    SMTP_TLS_POLICY_MAPS("smtp_tls_policy_maps", Ownership.KEY);

    /** Who decides a parameter's value. */
    public enum Ownership {
        /** A YAML key. */
        KEY,
        /** Debian's default, replaceable under {@code postfix}. */
        BASELINE
    }

    private final String parameterName;
    private final Ownership ownership;

    MainCfParameter(String parameterName, Ownership ownership) {
        this.parameterName = parameterName;
        this.ownership = ownership;
    }

    /** The name as it appears in main.cf. */
    public String parameterName() {
        return parameterName;
    }

    public Ownership ownership() {
        return ownership;
    }

    public static Optional<MainCfParameter> byName(String name) {
        for (MainCfParameter parameter : values()) {
            if (parameter.parameterName.equals(name)) {
                return Optional.of(parameter);
            }
        }
        return Optional.empty();
    }
}
