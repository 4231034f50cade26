package io.mailform.runtime.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.DomainName;
import io.mailform.model.MailSystem;
import io.mailform.model.Route;
import io.mailform.model.User;
import io.mailform.postfix.LocalDomains;
import io.mailform.postfix.SystemAccounts;

/**
 * The names of one description that generated addresses are made of: its users, aliases and the role accounts every
 * system has, its local and routed domains, its host name and recipient delimiters, the addresses its aliases deliver
 * to, and remote names that are none of these.
 */
record AddressVocabulary(List<String> users, List<String> aliases, List<String> roles, List<String> localDomains,
        List<String> routedDomains, String hostname, String mailName, String delimiters, List<String> aliasTargets) {
    static final List<String> REMOTE_DOMAINS = List.of("remote.example", "example.com", "example.net");
    static final List<String> UNKNOWN_NAMES = List.of("nosuchuser", "carol2", "x", "Alice-Smith", "info.desk");
    /** RFC 2142's role names and the accounts of a Debian host (in base-passwd's order), beside root and postmaster. */
    private static final List<String> ROLE_NAMES = List.of("postmaster", "root", "abuse", "hostmaster", "webmaster",
        "MAILER-DAEMON", "noreply");

    AddressVocabulary {
        users = List.copyOf(users);
        aliases = List.copyOf(aliases);
        roles = List.copyOf(roles);
        localDomains = List.copyOf(localDomains);
        routedDomains = List.copyOf(routedDomains);
        aliasTargets = List.copyOf(aliasTargets);
    }

    static AddressVocabulary of(MailSystem system) {
        Set<String> roles = new LinkedHashSet<>(ROLE_NAMES);
        roles.addAll(SystemAccounts.NAMES);
        List<String> targets = new ArrayList<>();
        for (Alias alias : system.aliases()) {
            for (AliasTarget target : alias.targets()) {
                targets.add(target.text());
            }
        }
        return new AddressVocabulary(
            system.users().stream().map(User::name).toList(),
            system.aliases().stream().map(Alias::name).toList(),
            List.copyOf(roles),
            LocalDomains.of(system),
            system.routes().stream().map(Route::domain).map(DomainName::value).toList(),
            system.hostname().map(DomainName::value).orElse("localhost"),
            LocalDomains.myorigin(system),
            system.recipientDelimiter(),
            targets);
    }

    /** Every name a local part can start from. */
    List<String> names() {
        List<String> names = new ArrayList<>(users);
        names.addAll(aliases);
        names.addAll(roles);
        names.addAll(UNKNOWN_NAMES);
        return names;
    }
}
