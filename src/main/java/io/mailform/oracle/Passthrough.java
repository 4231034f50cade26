package io.mailform.oracle;

import io.mailform.model.MailSystem;
import io.mailform.model.PostfixParameter;
import java.util.List;
import java.util.Set;

/**
 * Which {@code postfix:} parameters the oracle can ignore: those that change nothing about who may send what where
 * (banners, timeouts, TLS details, logging). Any other passthrough parameter may change routing or access in ways
 * the oracle does not model, so its predictions name it as an uncertainty instead of passing a verdict.
 */
final class Passthrough {
    /** Judged by what they say, through {@link io.mailform.postfix.RelayRestrictions}. */
    private static final Set<String> MODELLED = Set.of("smtpd_relay_restrictions", "smtpd_recipient_restrictions",
            "smtpd_sasl_auth_enable");
    private static final Set<String> INERT = Set.of("smtpd_banner", "biff", "smtpd_helo_required",
            "disable_vrfy_command", "readme_directory", "html_directory", "delay_warning_time",
            "maximal_queue_lifetime", "bounce_queue_lifetime", "smtputf8_enable", "smtpd_tls_loglevel",
            "smtp_tls_loglevel", "maillog_file", "syslog_name", "debug_peer_level", "debug_peer_list",
            "smtp_helo_name", "notify_classes", "show_user_unknown_table_name", "default_process_limit");
    private static final List<String> INERT_PREFIXES = List.of("smtpd_tls_", "smtp_tls_", "tls_", "lmtp_tls_");
    private static final List<String> INERT_SUFFIXES = List.of("_timeout", "_time_limit");

    private Passthrough() {
    }

    static List<String> unmodelled(MailSystem system) {
        return system.postfixParameters().stream().map(PostfixParameter::name)
                .filter(name -> !isInert(name))
                .map(name -> "postfix: " + name + " is set, and the oracle does not model what it changes")
                .toList();
    }

    private static boolean isInert(String name) {
        return MODELLED.contains(name) || INERT.contains(name) || INERT_PREFIXES.stream().anyMatch(name::startsWith)
                || INERT_SUFFIXES.stream().anyMatch(name::endsWith);
    }
}
