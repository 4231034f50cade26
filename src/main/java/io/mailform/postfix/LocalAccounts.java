package io.mailform.postfix;

import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.MailSystem;
import io.mailform.model.User;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The accounts local(8) delivers to on a host running the description: Debian's system accounts, the users, and
 * every local name an alias or {@code root_recipient} delivers to that is neither a user nor an alias (Postfix
 * delivers those to the system account of that name, which the host is taken to have, as the test sandboxes
 * create it). Which targets are local names is {@link TargetReader}'s reading. A local name with an extension counts as the name before the delimiter when that one is known.
 */
public final class LocalAccounts {
    private LocalAccounts() {
    }

    /** All of them, sorted. */
    public static Set<String> of(MailSystem system) {
        Set<String> accounts = new TreeSet<>(SystemAccounts.NAMES);
        system.users().stream().map(user -> fold(user.name())).forEach(accounts::add);
        accounts.addAll(implied(system));
        return accounts;
    }

    /** The local names alias targets reach that are no user and no alias, in the order the aliases name them. */
    public static List<String> implied(MailSystem system) {
        Set<String> users = new LinkedHashSet<>();
        system.users().stream().map(User::name).map(LocalAccounts::fold).forEach(users::add);
        Set<String> aliases = new LinkedHashSet<>();
        system.aliases().stream().map(Alias::name).map(LocalAccounts::fold).forEach(aliases::add);
        if (!system.rootRecipient().isEmpty()) {
            aliases.add("root");
        }
        TargetReader reader = TargetReader.of(system);
        RecipientDelimiter delimiter = RecipientDelimiter.of(system.recipientDelimiter());
        Set<String> implied = new LinkedHashSet<>();
        List<AliasTarget> targets = new ArrayList<>();
        system.aliases().forEach(alias -> targets.addAll(alias.targets()));
        targets.addAll(system.rootRecipient());
        for (AliasTarget target : targets) {
            Optional<String> localName = reader.localName(target);
            if (localName.isEmpty()) {
                continue;
            }
            String name = fold(localName.get());
            String full = name;
            String base = delimiter.stripExtension(name)
                    .filter(stripped -> !isKnown(full, users, aliases) && isKnown(stripped, users, aliases))
                    .orElse(name);
            if (!isKnown(base, users, aliases)) {
                implied.add(base);
            }
        }
        return List.copyOf(implied);
    }

    private static boolean isKnown(String name, Set<String> users, Set<String> aliases) {
        return users.contains(name) || aliases.contains(name);
    }

    private static String fold(String name) {
        return CaseFold.of(name);
    }
}
