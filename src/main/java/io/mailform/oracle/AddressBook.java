package io.mailform.oracle;

import io.mailform.postfix.CaseFold;
import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.MailSystem;
import io.mailform.postfix.LocalAccounts;
import io.mailform.postfix.LocalDomains;
import io.mailform.postfix.RecipientDelimiter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the compiled Postfix configuration knows about addresses: the local domains (mydestination, with
 * {@code $myhostname} expanded), the domain bare addresses get (myorigin: the mail name, else the host name), the
 * aliases with root's (keys folded to lower case, as postalias stores them), the accounts of the password file, and
 * the recipient delimiter.
 */
final class AddressBook {
    static final String ROOT = "root";

    private final Set<String> localDomains = new LinkedHashSet<>();
    private final String myorigin;
    private final Map<String, List<AliasTarget>> aliases = new LinkedHashMap<>();
    private final Set<String> accounts;
    private final RecipientDelimiter delimiter;

    AddressBook(MailSystem system) {
        localDomains.addAll(LocalDomains.of(system));
        myorigin = LocalDomains.myorigin(system);
        for (Alias alias : system.aliases()) {
            aliases.putIfAbsent(fold(alias.name()), alias.targets());
        }
        if (!system.rootRecipient().isEmpty()) {
            aliases.putIfAbsent(ROOT, system.rootRecipient());
        }
        accounts = LocalAccounts.of(system);
        delimiter = RecipientDelimiter.of(system.recipientDelimiter());
    }

    static String fold(String localPart) {
        return CaseFold.of(localPart);
    }

    boolean isLocalDomain(String domain) {
        return localDomains.contains(domain.toLowerCase(Locale.ROOT));
    }

    Set<String> localDomains() {
        return localDomains;
    }

    String myorigin() {
        return myorigin;
    }

    Optional<List<AliasTarget>> alias(String localPart) {
        return Optional.ofNullable(aliases.get(fold(localPart)));
    }

    boolean isAccount(String localPart) {
        return accounts.contains(fold(localPart));
    }

    Set<String> accounts() {
        return accounts;
    }

    Set<String> aliasNames() {
        return aliases.keySet();
    }

    RecipientDelimiter delimiter() {
        return delimiter;
    }
}
