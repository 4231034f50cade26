package io.mailform.emit.james;

import io.mailform.diag.Code;
import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.DomainName;
import io.mailform.model.MailSystem;
import io.mailform.model.SecretSource;
import io.mailform.model.User;
import io.mailform.postfix.AddressReading;
import io.mailform.postfix.AddressResolver;
import io.mailform.postfix.LocalAccounts;
import io.mailform.postfix.SystemAccounts;
import io.mailform.postfix.TargetReader;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts and recipient rewrite table entries that provisioning.json gives James.
 *
 * <p>Accounts are the declared users, plus every local name an alias or {@code root_recipient} delivers to that is
 * neither a user nor an alias: Postfix's local(8) would deliver those to the system account of that name (root above
 * all, when root has no alias), which James can only do with an account of its own. Last come Debian's system
 * accounts ({@link SystemAccounts}) that are neither users nor aliases: Postfix accepts mail for them on every Debian
 * host and stores it in their mailboxes.
 *
 * <p>Postfix applies aliases(5) in every local domain, so each alias becomes one entry per local domain. Bare
 * targets are qualified as Postfix does, with the mail name (myorigin): when that is a local domain they reach the
 * account of that name (users are not per domain), otherwise they are mail for the host of the mail name.
 * Command, file and include targets have no James equivalent: they are left out with a
 * {@link Code#JAMES_UNSUPPORTED} warning at the target.
 */
record Mailboxes(List<Account> accounts, List<ProvisionedAlias> aliases) {
    private static final String ROOT = "root";

    /** An account and where its IMAP password comes from: a declared user's source, or the runtime's choice. */
    record Account(String name, Optional<SecretSource> password, String pointer) {
    }

    Mailboxes {
        accounts = List.copyOf(accounts);
        aliases = List.copyOf(aliases);
    }

    static Mailboxes of(MailSystem system, LocalDomains domains, Findings findings) {
        return new Builder(system, domains, findings).build();
    }

    /** An alias of the description, or the root line that {@code root_recipient} writes. */
    private record Entry(String name, List<AliasTarget> targets, String pointer) {
    }

    private static final class Builder {
        private final MailSystem system;
        private final LocalDomains domains;
        private final Findings findings;
        private final Set<String> aliasNames = new LinkedHashSet<>();
        private final Set<String> users = new LinkedHashSet<>();
        private final TargetReader targets;
        private final List<String> implied;

        Builder(MailSystem system, LocalDomains domains, Findings findings) {
            this.system = system;
            this.domains = domains;
            this.findings = findings;
            this.targets = TargetReader.of(system);
            this.implied = LocalAccounts.implied(system);
        }

        Mailboxes build() {
            List<Entry> entries = entries();
            entries.forEach(entry -> aliasNames.add(LocalName.fold(entry.name())));
            system.users().stream().map(User::name).map(LocalName::fold).forEach(users::add);
            List<ProvisionedAlias> aliases = new ArrayList<>();
            for (Entry entry : entries) {
                String name = AddressResolver.externalForm(LocalName.fold(entry.name()));
                if (!JamesAddressSyntax.isLocalPart(name)) {
                    findings.atKey(Code.JAMES_UNSUPPORTED, entry.pointer(), "alias \"" + entry.name() + "\" is left "
                            + "out of the James configuration: James's address syntax cannot hold " + name + "@"
                            + domains.defaultDomain().value() + " (known difference KD3), so James refuses its mail "
                            + "as an unknown recipient",
                            "name the alias without two dots in a row if the James configuration must behave the "
                                    + "same; the Postfix configuration keeps it");
                    continue;
                }
                List<String> targets = targets(entry);
                for (DomainName domain : domains.effective()) {
                    if (!targets.isEmpty()) {
                        aliases.add(new ProvisionedAlias(name + "@" + domain.value(), targets));
                    }
                }
            }
            return new Mailboxes(accounts(), aliases);
        }

        private List<Account> accounts() {
            List<Account> accounts = new ArrayList<>();
            List<User> declared = system.users();
            for (int i = 0; i < declared.size(); i++) {
                User user = declared.get(i);
                String name = LocalName.fold(user.name());
                if (!AddressResolver.externalForm(name).equals(name)) {
                    findings.atValue(Code.JAMES_UNSUPPORTED, Pointers.of("users", i), "user \"" + user.name()
                            + "\" gets no mail on James: Postfix delivers " + AddressResolver.externalForm(name) + "@"
                            + domains.defaultDomain().value() + " to the account, while James's address syntax "
                            + "cannot hold that address or match it to the account (known difference KD3); IMAP "
                            + "logins work",
                            "name the user without a dot at the end or two in a row if the James configuration "
                                    + "must behave the same");
                }
                accounts.add(new Account(name, user.imapPassword(), Pointers.of("users", i)));
            }
            implied.forEach(name -> accounts.add(new Account(name, Optional.empty(), "")));
            SystemAccounts.NAMES.stream()
                    .filter(name -> !isKnown(name) && !implied.contains(name))
                    .forEach(name -> accounts.add(new Account(name, Optional.empty(), "")));
            return accounts;
        }

        private List<Entry> entries() {
            List<Entry> entries = new ArrayList<>();
            for (Alias alias : system.aliases()) {
                entries.add(new Entry(alias.name(), alias.targets(), Pointers.of("aliases", alias.name())));
            }
            if (!system.rootRecipient().isEmpty()) {
                entries.add(new Entry(ROOT, system.rootRecipient(), Pointers.of("root_recipient")));
            }
            return entries;
        }

        private List<String> targets(Entry entry) {
            List<String> targets = new ArrayList<>();
            List<Integer> unsupported = new ArrayList<>();
            for (int i = 0; i < entry.targets().size(); i++) {
                Optional<String> address = address(entry.targets().get(i)).filter(JamesAddressSyntax::canHold);
                if (address.isPresent()) {
                    if (!targets.contains(address.get())) {
                        targets.add(address.get());
                    }
                } else {
                    unsupported.add(i);
                }
            }
            for (int i : unsupported) {
                reportUnsupported(entry, i, targets.isEmpty());
            }
            return targets;
        }

        /**
         * The target as a full address, where Postfix's local(8) sends it ({@link TargetReader}): a local name in a
         * local domain, or the address it forwards to; empty for a kind James cannot deliver to.
         */
        private Optional<String> address(AliasTarget target) {
            Optional<AddressReading> reading = targets.read(target);
            if (reading.isEmpty() || !(reading.get() instanceof AddressReading.Resolved read)) {
                return Optional.empty();
            }
            AddressResolver.Resolved resolved = read.resolved();
            if (!resolved.local()) {
                return Optional.of(AddressResolver.externalForm(resolved.address()));
            }
            // Accounts are not per domain: a bare name goes to the default domain, as James qualifies it.
            String domain = target instanceof AliasTarget.Local ? domains.defaultDomain().value()
                    : resolved.domain().toLowerCase(Locale.ROOT);
            return Optional.of(LocalName.fold(resolved.localPart()) + "@" + domain);
        }

        private boolean isKnown(String name) {
            return users.contains(name) || aliasNames.contains(name);
        }

        private void reportUnsupported(Entry entry, int index, boolean nothingLeft) {
            AliasTarget target = entry.targets().get(index);
            String why;
            if (target instanceof AliasTarget.Command) {
                why = "James cannot pipe mail into a command";
            } else if (target instanceof AliasTarget.File) {
                why = "James cannot append mail to a file";
            } else if (target instanceof AliasTarget.Include) {
                why = "James cannot read alias targets from a file";
            } else {
                why = "Postfix delivers it to " + address(target).orElse(target.text())
                        + ", an address James's address syntax cannot hold (known difference KD3)";
            }
            String consequence = nothingLeft
                    ? "; it is the only target of \"" + entry.name() + "\", so James refuses mail for \""
                            + entry.name() + "\" as an unknown recipient"
                    : "; the other targets of \"" + entry.name() + "\" still get the mail";
            findings.atValue(Code.JAMES_UNSUPPORTED, Pointers.child(entry.pointer(), index),
                    "alias target " + target.text() + " of \"" + entry.name() + "\" is left out of the James "
                            + "configuration: " + why + consequence,
                    "deliver to a mailbox or an address instead if the James configuration must behave the same; "
                            + "the Postfix configuration keeps the target");
        }
    }
}
