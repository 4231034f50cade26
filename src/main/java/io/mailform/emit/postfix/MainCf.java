package io.mailform.emit.postfix;

import static io.mailform.postfix.MainCfParameter.*;

import io.mailform.model.Cidr;
import io.mailform.model.Destination;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.PostfixParameter;
import io.mailform.model.Relay;
import io.mailform.model.ServerTls;
import io.mailform.postfix.ClientTls;
import io.mailform.postfix.MacroReferences;
import io.mailform.postfix.MainCfParameter;
import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The parameters of main.cf, in order. mailform's own parameters come first, in the order of
 * {@link MainCfParameter} (the order in which Debian's installer writes them), with the values Debian writes for
 * the same answers. The {@code postfix} map follows: a {@link MainCfParameter.Ownership#BASELINE} parameter named
 * there replaces Debian's value in place; every other parameter is appended in the order the description lists
 * it, so that related settings stay together as the user grouped them. Mode {@code none} has no template: main.cf
 * then holds only the {@code postfix} map.
 */
final class MainCf {
    static final String ALIAS_DATABASE_LOOKUP = "hash:/etc/aliases";
    static final String MAILNAME_PATH = "/etc/mailname";
    private static final String BASELINE_POINTER = "";

    private MainCf() {
    }

    static List<MainCfEntry> entries(MailSystem system) {
        boolean template = system.mode() != Mode.NONE;
        EnumMap<MainCfParameter, MainCfEntry> own = template ? own(system) : new EnumMap<>(MainCfParameter.class);
        List<MainCfEntry> appended = new ArrayList<>();
        for (PostfixParameter parameter : system.postfixParameters()) {
            MainCfEntry entry = new MainCfEntry(parameter.name(), parameter.value(),
                    Pointers.of("postfix", parameter.name()));
            Optional<MainCfParameter> known = MainCfParameter.byName(parameter.name());
            if (template && known.isPresent() && known.get().ownership() == MainCfParameter.Ownership.BASELINE) {
                own.put(known.get(), entry);
            } else {
                appended.add(entry);
            }
        }
        List<MainCfEntry> entries = new ArrayList<>(own.values()); // EnumMap iterates in declaration order
        entries.addAll(appended);
        return entries;
    }

    private static EnumMap<MainCfParameter, MainCfEntry> own(MailSystem system) {
        Values values = new Values();
        values.put(SMTPD_BANNER, "$myhostname ESMTP $mail_name (Debian/GNU)", BASELINE_POINTER);
        values.put(BIFF, "no", BASELINE_POINTER);
        values.put(APPEND_DOT_MYDOMAIN, "no", BASELINE_POINTER);
        values.put(README_DIRECTORY, "no", BASELINE_POINTER);
        values.put(COMPATIBILITY_LEVEL, "3.6", BASELINE_POINTER);
        if (system.serverTls() instanceof ServerTls.Certificate certificate) {
            // Paths and the delimiter mean what they say: a $ in them is doubled, or Postfix would expand it.
            values.put(SMTPD_TLS_CERT_FILE, MacroReferences.literal(certificate.certFile()), "/tls/server/cert_file");
            values.put(SMTPD_TLS_KEY_FILE, MacroReferences.literal(certificate.keyFile()), "/tls/server/key_file");
            values.put(SMTPD_TLS_SECURITY_LEVEL, "may", "/tls/server");
        }
        ClientTls.written(system).ifPresent(level -> {
            values.put(SMTP_TLS_CAPATH, "/etc/ssl/certs", BASELINE_POINTER);
            values.put(SMTP_TLS_SECURITY_LEVEL, level.key(), "/relay/tls");
            values.put(SMTP_TLS_SESSION_CACHE_DATABASE, "btree:${data_directory}/smtp_scache", BASELINE_POINTER);
        });
        values.put(SMTPD_RELAY_RESTRICTIONS, "permit_mynetworks permit_sasl_authenticated defer_unauth_destination",
                BASELINE_POINTER);
        system.hostname().ifPresent(hostname -> values.put(MYHOSTNAME, hostname.value(), "/hostname"));
        values.put(ALIAS_MAPS, ALIAS_DATABASE_LOOKUP, BASELINE_POINTER);
        values.put(ALIAS_DATABASE, ALIAS_DATABASE_LOOKUP, BASELINE_POINTER);
        system.mailName().ifPresent(mailName -> values.put(MYORIGIN, MAILNAME_PATH, "/mail_name"));
        values.put(MYDESTINATION, system.destinations().stream().map(Destination::postfixValue)
                .collect(Collectors.joining(", ")), "/destinations");
        // Debian writes relayhost even when it is empty.
        values.put(RELAYHOST, system.relay().map(Relay::postfixNextHop).orElse(""), "/relay");
        // Debian deletes the line for an empty answer, leaving Postfix to compute the networks.
        if (!system.networks().isEmpty()) {
            values.put(MYNETWORKS, system.networks().stream().map(Cidr::postfixText)
                    .collect(Collectors.joining(" ")), "/networks");
        }
        if (system.procmail()) {
            values.put(MAILBOX_COMMAND, "procmail -a \"$EXTENSION\"", "/procmail");
        }
        values.put(MAILBOX_SIZE_LIMIT, Long.toString(system.mailboxSizeLimit().bytes()), "/mailbox_size_limit");
        values.put(RECIPIENT_DELIMITER, MacroReferences.literal(system.recipientDelimiter()), "/recipient_delimiter");
        values.put(INET_INTERFACES, system.interfaces().postfixValue(), "/interfaces");
        if (system.mode() == Mode.LOCAL_ONLY) {
            values.put(DEFAULT_TRANSPORT, "error", "/mode");
            values.put(RELAY_TRANSPORT, "error", "/mode");
        }
        values.put(INET_PROTOCOLS, system.protocols().key(), "/protocols");
        system.messageSizeLimit().ifPresent(
                limit -> values.put(MESSAGE_SIZE_LIMIT, Long.toString(limit.bytes()), "/message_size_limit"));
        if (!system.routes().isEmpty()) {
            values.put(TRANSPORT_MAPS, Table.TRANSPORT.lookup(), "/routes");
        }
        RelayAt.all(system).stream().filter(at -> at.relay().auth().isPresent()).findFirst().ifPresent(at -> {
            String auth = at.child("auth");
            values.put(SMTP_SASL_AUTH_ENABLE, "yes", auth);
            values.put(SMTP_SASL_PASSWORD_MAPS, Table.SASL_PASSWD.lookup(), auth);
            // Postfix's default also says noplaintext, which refuses PLAIN and LOGIN even inside TLS.
            values.put(SMTP_SASL_SECURITY_OPTIONS, "noanonymous", auth);
        });
        if (!TlsPolicyMap.entries(system).isEmpty()) {
            values.put(SMTP_TLS_POLICY_MAPS, Table.TLS_POLICY.lookup(), "/routes");
        }
        return values.entries;
    }

    /** The parameters mailform sets itself, keyed so that the enum's order is the file's order. */
    private static final class Values {
        private final EnumMap<MainCfParameter, MainCfEntry> entries = new EnumMap<>(MainCfParameter.class);

        void put(MainCfParameter parameter, String value, String pointer) {
            entries.put(parameter, new MainCfEntry(parameter.parameterName(), value, pointer));
        }
    }
}
