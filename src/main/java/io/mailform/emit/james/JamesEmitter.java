package io.mailform.emit.james;

import io.mailform.diag.Diagnostics;
import io.mailform.emit.EmitContext;
import io.mailform.emit.Emitted;
import io.mailform.emit.Emitter;
import io.mailform.emit.OutputFile;
import io.mailform.emit.OutputTree;
import io.mailform.emit.SecretReader;
import io.mailform.emit.SourceName;
import io.mailform.model.IpAddress;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.ServerTls;
import io.mailform.source.SourceFile;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The James target: {@code conf/*.xml} and {@code conf/*.properties} for Apache James 3.8.1's memory server and
 * {@code provisioning.json} beside them, as runtime/CONFIG.md specifies, so that the bundled runtime runs the same
 * mail system Postfix would. What James cannot express is left out with a {@code james-unsupported} warning at its
 * node; a relay password that cannot be read, or a value XML cannot hold, is an error and no file is produced.
 *
 * <p>Mode {@code none} produces nothing: its main.cf is maintained by hand, so mailform does not know what the
 * system does, and a James configuration would be a guess.
 */
public final class JamesEmitter implements Emitter {
    public static final String TARGET = "james";
    public static final String JAMES_VERSION = "3.8.1";

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public Emitted emit(MailSystem system, SourceFile source, EmitContext context) {
        if (system.mode() == Mode.NONE) {
            return new Emitted(OutputTree.empty(), List.of());
        }
        Diagnostics diagnostics = new Diagnostics(source);
        Findings findings = new Findings(diagnostics, context.sourceMap());
        LocalDomains domains = LocalDomains.of(system);
        Mailboxes mailboxes = Mailboxes.of(system, domains, findings);
        SecretReader secrets = new SecretReader(context, findings);
        List<ProvisionedUser> accounts = mailboxes.accounts().stream()
                .map(account -> withPassword(account, secrets))
                .toList();
        OutboundPlan outbound = OutboundPlan.of(system, secrets, findings);
        List<IpAddress> listen = ListenAddresses.of(system, findings);
        Optional<String> networks = AuthorizedNetworks.of(system.networks(), findings);
        if (system.serverTls() instanceof ServerTls.Certificate certificate) {
            XmlValues.check(certificate.certFile(), "the certificate path", Pointers.of("tls", "server", "cert_file"),
                    findings);
            XmlValues.check(certificate.keyFile(), "the key path", Pointers.of("tls", "server", "key_file"), findings);
        }
        if (findings.hasErrors()) {
            return new Emitted(OutputTree.empty(), diagnostics.toList());
        }

        String origin = SourceName.of(source);
        String hostname = system.hostname().orElseThrow(
                () -> new IllegalStateException("mode " + system.mode().key() + " without a hostname")).value();
        TreeMap<String, OutputFile> files = new TreeMap<>(FixedFiles.of(origin));
        files.put(DomainListFile.FILE, XmlDocument.file(Header.of(origin,
                "The local domains: Postfix's mydestination."), DomainListFile.of(domains), OutputFile.PUBLIC));
        files.put(SmtpServerFile.FILE, XmlDocument.file(Header.of(origin,
                "The SMTP server: Postfix's smtpd with its listen addresses, networks, size limit and host name.",
                "The runtime binds it to loopback on a port of its own and turns server TLS off (runtime/CONFIG.md)."),
                SmtpServerFile.of(system, listen, networks), OutputFile.PUBLIC));
        files.put(ImapServerFile.FILE, XmlDocument.file(Header.of(origin,
                "IMAP, to read the mailboxes: Postfix has no equivalent. The passwords are in provisioning.json or",
                "chosen by the runtime at start."), ImapServerFile.of(), OutputFile.PUBLIC));
        boolean hasPasswords = outbound.remotes().stream()
                .anyMatch(remote -> remote.gateway().flatMap(Outbound.Gateway::login).isPresent());
        files.put(MailetContainerFile.FILE, XmlDocument.file(Header.of(origin,
                "How mail is delivered: locally, to the smarthost, per route, or bounced, as Postfix would.",
                hasPasswords ? "Holds relay passwords: keep it mode 0600." : "Holds no password."),
                MailetContainerFile.of(domains, outbound, hostname),
                hasPasswords ? OutputFile.SECRET : OutputFile.PUBLIC));
        files.put(ProvisioningFile.FILE, ProvisioningFile.of(Header.of(origin), system, accounts, mailboxes));
        return new Emitted(new OutputTree(files), diagnostics.toList());
    }

    private static ProvisionedUser withPassword(Mailboxes.Account account, SecretReader secrets) {
        return new ProvisionedUser(account.name(), account.password().flatMap(secret -> secrets.read(secret,
                SecretReader.sourcePointer(account.pointer(), secret), "the IMAP password of " + account.name())));
    }
}
