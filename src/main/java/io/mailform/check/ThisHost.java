package io.mailform.check;

import io.mailform.postfix.CaseFold;
import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.Destination;
import io.mailform.model.DomainName;
import io.mailform.model.Interfaces;
import io.mailform.model.IpAddress;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.model.RelayHost;
import io.mailform.postfix.RecipientDelimiter;
import io.mailform.postfix.TargetReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What this host is, as several rules need it: its names and addresses, its local domains with {@code $myhostname}
 * expanded, and how a local name finds its alias. Local names compare as Postfix compares them: local(8) lowercases
 * the recipient before any lookup and postalias folds keys, so names fold to lower case here ({@link DomainName}s
 * already are).
 */
final class ThisHost {
    static final String ROOT = "root";
    /**
     * What {@link #domainOf}, {@link #destinationIndex}, {@link #isLocalDomain}, {@link #localName} and
     * {@link #targets} read: the local domains, and the mail name a bare target gets before it is resolved.
     */
    static final Reads LOCAL_DOMAINS = Reads.whole(Part.HOSTNAME, Part.MAIL_NAME, Part.DESTINATIONS);
    /** What {@link #whyThisHost} reads. */
    static final Reads OWN_NAMES_AND_ADDRESSES = Reads.whole(Part.HOSTNAME, Part.DESTINATIONS, Part.INTERFACES);
    /** What {@link #aliasFor}, {@link #withoutExtension}, {@link #expansion} and {@link #distinctAliases} read. */
    static final Reads ALIAS_LOOKUP = Reads.whole(Part.ALIASES, Part.RECIPIENT_DELIMITER);
    private static final DomainName LOCALHOST = new DomainName("localhost");

    private final MailSystem system;
    private final TargetReader targets;
    private final Map<String, Alias> aliasesByName = new LinkedHashMap<>();

    private ThisHost(MailSystem system) {
        this.system = system;
        this.targets = TargetReader.of(system);
        for (Alias alias : system.aliases()) {
            // postalias keeps the first of two names that fold to one.
            aliasesByName.putIfAbsent(fold(alias.name()), alias);
        }
    }

    static ThisHost of(MailSystem system) {
        return new ThisHost(system);
    }

    static String fold(String localName) {
        return CaseFold.of(localName);
    }

    /** The domain a destination stands for: {@code $myhostname} is the hostname, and nothing when none is given. */
    Optional<DomainName> domainOf(Destination destination) {
        if (destination instanceof Destination.Domain domain) {
            return Optional.of(domain.name());
        }
        return system.hostname();
    }

    /** The position in {@code destinations} of the first entry that delivers {@code domain} here, if any. */
    OptionalInt destinationIndex(DomainName domain) {
        List<Destination> destinations = system.destinations();
        for (int i = 0; i < destinations.size(); i++) {
            if (domainOf(destinations.get(i)).filter(domain::equals).isPresent()) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** True if mail for {@code domain} is delivered on this host (mydestination matches exact names only). */
    boolean isLocalDomain(DomainName domain) {
        return destinationIndex(domain).isPresent();
    }

    /**
     * Why a next hop reaches this host itself, if it does: its hostname, a local domain, localhost, or one of its
     * own addresses. The mail name alone does not count: a satellite commonly relays to the MX of its mail name.
     */
    Optional<String> whyThisHost(RelayHost host) {
        if (host instanceof RelayHost.Name name) {
            DomainName domain = name.name();
            if (system.hostname().filter(domain::equals).isPresent()) {
                return Optional.of("this host's hostname");
            }
            if (domain.isWithin(LOCALHOST)) {
                return Optional.of("this host itself (localhost)");
            }
            if (isLocalDomain(domain)) {
                return Optional.of("one of this host's destinations");
            }
            return Optional.empty();
        }
        IpAddress address = ((RelayHost.Address) host).address();
        if (AddressSpace.isLoopback(address)) {
            return Optional.of("this host itself (a loopback address)");
        }
        if (AddressSpace.isUnspecified(address)) {
            return Optional.of("this host itself (the unspecified address)");
        }
        if (system.interfaces() instanceof Interfaces.Addresses listening && listening.addresses().contains(address)) {
            return Optional.of("one of this host's own addresses (interfaces)");
        }
        return Optional.empty();
    }

    /**
     * The local name a target delivers to on this host, as Postfix resolves it ({@link TargetReader}): a bare name,
     * an address in a local domain, or routing that leads back here ({@code alice%example.org}).
     */
    Optional<String> localName(AliasTarget target) {
        return targets.localName(target);
    }

    /** How Postfix reads alias targets on this host. */
    TargetReader targets() {
        return targets;
    }

    /** The alias that mail for {@code localName} expands, looked up as local(8) does: whole, then without extension. */
    Optional<Alias> aliasFor(String localName) {
        Alias whole = aliasesByName.get(fold(localName));
        if (whole != null) {
            return Optional.of(whole);
        }
        return Optional.ofNullable(aliasesByName.get(fold(withoutExtension(localName))));
    }

    /** True if both names are one recipient to Postfix. */
    static boolean sameName(String a, String b) {
        return fold(a).equals(fold(b));
    }

    /**
     * The name without its address extension ({@code alice+lists} is {@code alice}), split as Postfix splits it: at
     * the first delimiter character, never leaving an empty name, and never for the names Postfix exempts.
     */
    String withoutExtension(String localName) {
        return RecipientDelimiter.of(system.recipientDelimiter()).stripExtension(localName).orElse(localName);
    }

    /**
     * The aliases that {@code alias} expands into, in target order. A target naming the alias itself is left out:
     * local(8) delivers that one to the mailbox instead of expanding it again (the "keep a copy" idiom of aliases(5)).
     */
    List<Alias> expansion(Alias alias) {
        List<Alias> next = new ArrayList<>();
        for (AliasTarget target : alias.targets()) {
            localName(target)
                    .flatMap(this::aliasFor)
                    .filter(found -> !sameName(found.name(), alias.name()))
                    .filter(found -> next.stream().noneMatch(seen -> seen == found))
                    .ifPresent(next::add);
        }
        return next;
    }

    /** The aliases by their folded names, each name once, in file order. */
    List<Alias> distinctAliases() {
        return List.copyOf(aliasesByName.values());
    }
}
