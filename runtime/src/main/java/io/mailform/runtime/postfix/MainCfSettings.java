package io.mailform.runtime.postfix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.mailform.runtime.config.OutboundGateway;

/**
 * The main.cf parameters a private instance sets differently from the compiled main.cf, each with its reason: where
 * the instance keeps its files, how the sandbox reaches its capture sinks, and what loopback tests need. Every other
 * parameter, and so every routing decision under test, stays as compiled.
 */
final class MainCfSettings {
    private static final String ETC_ALIASES = "/etc/aliases";
    private static final String ETC_POSTFIX = "/etc/postfix/";
    private static final String ETC_MAILNAME = "/etc/mailname";
    private static final Set<String> LISTENING_ANYWHERE = Set.of("all", "loopback-only");
    private static final Set<String> TLS_OFFERED = Set.of("may", "encrypt");

    private MainCfSettings() {
    }

    /**
     * @param compiled the compiled directory, whose files the instance has copied into its configuration directory
     * @param sinkPorts each capture sink's port by name; empty when nothing would leave the host
     */
    static List<Setting> of(InstanceLayout layout, PostfixDirectory compiled, CompiledMainCf mainCf,
            SandboxRouting routing, Map<String, Integer> sinkPorts) {
        List<Setting> settings = new ArrayList<>(List.of(
            new Setting("queue_directory", layout.queue().toString(),
                "the instance's own queue, not this host's /var/spool/postfix"),
            new Setting("data_directory", layout.data().toString(),
                "the instance's own TLS session cache and locks, not this host's /var/lib/postfix"),
            new Setting("mail_spool_directory", layout.spool().toString(),
                "the mailboxes, mbox files as local(8) writes them, under the instance where MailServer.mailbox "
                    + "reads them, not in this host's /var/mail"),
            new Setting("maillog_file", layout.maillog().toString(),
                "the instance's log in a file of its own: no syslog needed, and no other instance's lines"),
            new Setting("maillog_file_prefixes", "/var, /dev/stdout, " + layout.log(),
                "Postfix writes maillog_file only below a listed prefix: its default list and the instance's log "
                    + "directory")));
        mainCf.explicit().forEach((parameter, value) -> {
            String local = inInstance(value, compiled, layout.conf());
            if (!local.equals(value)) {
                settings.add(new Setting(parameter, local, value.equals(ETC_MAILNAME)
                    ? "the compiled mailname in place of this host's /etc/mailname; it holds the same mail name"
                    : "the compiled table, built in the instance's configuration directory instead of /etc"));
            }
        });
        routing.relayhost().ifPresent(hop -> settings.add(new Setting("relayhost",
            NextHop.ofSink(sinkPorts.get(hop.sinkName())),
            "the sandbox: mail for the smarthost " + hop.written() + " goes to the capture sink " + hop.sinkName())));
        if (routing.direct()) {
            settings.add(new Setting("relayhost", NextHop.ofSink(sinkPorts.get(OutboundGateway.DIRECT)),
                "the sandbox: mail that would go to the recipient domain's MX hosts goes to the capture sink "
                    + OutboundGateway.DIRECT));
        }
        if (!sinkPorts.isEmpty()) {
            settings.add(new Setting("smtp_host_lookup", "native",
                "the capture sinks are reached as [localhost], the name their certificate carries; this host's "
                    + "/etc/hosts says that it is 127.0.0.1, DNS need not"));
            settings.add(new Setting("smtp_tls_CAfile", layout.sandboxCertificateAuthority().toString(),
                "the sandbox's certificate authority, which signed the sinks' certificate, so that the TLS levels "
                    + "verify and secure check a sink as they would check the real next hop"));
        }
        settings.add(new Setting("smtpd_authorized_xclient_hosts", "127.0.0.1",
            "tests choose the client's address with XCLIENT, e.g. one outside mynetworks; only loopback may"));
        missingServerCertificate(mainCf).ifPresent(file -> settings.add(new Setting("smtpd_tls_security_level",
            "none", "this host lacks " + file + ", which main.cf names; smtpd cannot offer STARTTLS without it")));
        String interfaces = mainCf.value("inet_interfaces");
        if (!LISTENING_ANYWHERE.contains(interfaces)) {
            settings.add(new Setting("inet_interfaces", "loopback-only", "the instance listens on 127.0.0.1 "
                + "only; Postfix refuses to start when an address of inet_interfaces (" + interfaces + ") is not "
                + "this host's, and its smtp client would send from a single listed address"));
        }
        if (mainCf.value("inet_protocols").equals("ipv6")) {
            settings.add(new Setting("inet_protocols", "all",
                "the instance listens on 127.0.0.1 and reaches its capture sinks there, which needs IPv4"));
        }
        return settings;
    }

    /** The value with /etc/aliases, /etc/mailname and /etc/postfix/ paths of compiled files moved to {@code conf}. */
    private static String inInstance(String value, PostfixDirectory compiled, Path conf) {
        String local = value.replace(ETC_ALIASES, conf.resolve(PostfixDirectory.ALIASES).toString());
        if (value.equals(ETC_MAILNAME) && compiled.has("mailname")) {
            local = conf.resolve("mailname").toString();
        }
        for (Path file : compiled.files()) {
            String name = file.getFileName().toString();
            local = local.replace(ETC_POSTFIX + name, conf.resolve(name).toString());
        }
        return local;
    }

    private static Optional<String> missingServerCertificate(CompiledMainCf mainCf) {
        if (!TLS_OFFERED.contains(mainCf.value("smtpd_tls_security_level"))) {
            return Optional.empty();
        }
        return Stream.of(mainCf.value("smtpd_tls_cert_file"), mainCf.value("smtpd_tls_key_file"))
            .filter(file -> file.isEmpty() || !Files.isReadable(Path.of(file)))
            .map(file -> file.isEmpty() ? "a certificate or key" : file)
            .findFirst();
    }
}
