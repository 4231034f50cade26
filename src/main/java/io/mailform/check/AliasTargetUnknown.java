package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.diag.Suggestions;
import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.model.User;
import io.mailform.postfix.SystemAccounts;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Once {@code users} lists the mailboxes, a local alias target that is neither a user, an alias nor one of Debian's
 * system accounts (root, www-data, ...) is most likely a typo, and its mail bounces as "unknown user". An alias naming
 * itself delivers to the mailbox of that name, so it must be a user. Addresses in other domains are not ours to check.
 */
final class AliasTargetUnknown implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.USERS).andEach(Part.ROOT_RECIPIENT).and(ThisHost.ALIAS_LOOKUP).and(ThisHost.LOCAL_DOMAINS);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        if (!findings.isWritten(Pointers.of("users"))) {
            return;
        }
        ThisHost host = ThisHost.of(system);
        Set<String> users = system.users().stream().map(user -> ThisHost.fold(user.name())).collect(Collectors.toSet());
        List<String> known = knownNames(system);
        for (Alias alias : system.aliases()) {
            List<AliasTarget> targets = alias.targets();
            for (int i = 0; i < targets.size(); i++) {
                check(host, users, alias.name(), targets.get(i), Pointers.of("aliases", alias.name(), i), known,
                        findings);
            }
        }
        List<AliasTarget> rootTargets = system.rootRecipient();
        for (int i = 0; i < rootTargets.size(); i++) {
            check(host, users, ThisHost.ROOT, rootTargets.get(i), Pointers.of("root_recipient", i), known, findings);
        }
    }

    private static void check(ThisHost host, Set<String> users, String aliasName, AliasTarget target, String pointer,
            List<String> known, Findings findings) {
        Optional<String> localName = host.localName(target);
        if (localName.isEmpty() || AliasTargetMalformed.isMalformed(host.targets(), target)
                || isKnown(host, users, aliasName, localName.get())) {
            return;
        }
        String name = localName.get();
        findings.atValue(Code.ALIAS_TARGET_UNKNOWN, pointer,
                "alias target \"" + target.text() + "\" is not a user, an alias or a system account",
                Suggestions.didYouMean(name, known).orElse(
                        "add " + name + " to users, define an alias for it, or write a full address (name@domain)"));
    }

    private static boolean isKnown(ThisHost host, Set<String> users, String aliasName, String name) {
        String user = ThisHost.fold(host.withoutExtension(name));
        if (SystemAccounts.contains(user) || users.contains(user)) {
            return true;
        }
        // Naming the alias itself means its mailbox, which needs a user; any other alias is fine.
        return host.aliasFor(name).filter(alias -> !ThisHost.sameName(alias.name(), aliasName)).isPresent();
    }

    private static List<String> knownNames(MailSystem system) {
        List<String> names = new ArrayList<>();
        system.users().stream().map(User::name).forEach(names::add);
        system.aliases().stream().map(Alias::name).forEach(names::add);
        names.add(ThisHost.ROOT);
        return names;
    }
}
