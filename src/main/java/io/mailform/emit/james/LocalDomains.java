package io.mailform.emit.james;

import io.mailform.model.Destination;
import io.mailform.model.DomainName;
import io.mailform.model.MailSystem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The domains James treats as its own: {@code destinations} with {@code $myhostname} expanded, each once, in the
 * order written. The first is James's default domain. James always creates its default domain, so a system without
 * destinations still has {@code localhost} as a local domain: the one place where the list cannot be empty as
 * Postfix's mydestination can.
 */
record LocalDomains(List<DomainName> domains, DomainName defaultDomain) {
    static final DomainName LOCALHOST = new DomainName("localhost");

    LocalDomains {
        domains = List.copyOf(domains);
    }

    static LocalDomains of(MailSystem system) {
        Set<DomainName> domains = new LinkedHashSet<>();
        for (Destination destination : system.destinations()) {
            if (destination instanceof Destination.Domain domain) {
                domains.add(domain.name());
            } else {
                domains.add(system.hostname().orElseThrow(
                        () -> new IllegalStateException("$myhostname in destinations without a hostname")));
            }
        }
        List<DomainName> list = new ArrayList<>(domains);
        return new LocalDomains(list, list.isEmpty() ? LOCALHOST : list.get(0));
    }

    /** The domains James will hold: the destinations, or the default domain James creates when there are none. */
    List<DomainName> effective() {
        return domains.isEmpty() ? List.of(defaultDomain) : domains;
    }

    boolean contains(DomainName domain) {
        return effective().contains(domain);
    }
}
