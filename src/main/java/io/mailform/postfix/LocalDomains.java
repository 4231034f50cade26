package io.mailform.postfix;

import io.mailform.model.Destination;
import io.mailform.model.DomainName;
import io.mailform.model.MailSystem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Postfix's mydestination as the description sets it: the destinations in order, {@code $myhostname} expanded to the
 * host name, each once; and myorigin, the domain bare addresses get.
 */
public final class LocalDomains {
    private LocalDomains() {
    }

    public static List<String> of(MailSystem system) {
        Set<String> domains = new LinkedHashSet<>();
        for (Destination destination : system.destinations()) {
            domains.add(destination instanceof Destination.Domain domain ? domain.name().value() : hostname(system));
        }
        return List.copyOf(domains);
    }

    /** The mail name (myorigin = /etc/mailname), or the host name when there is none, as Postfix's default. */
    public static String myorigin(MailSystem system) {
        return system.mailName().map(DomainName::value).orElseGet(() -> hostname(system));
    }

    private static String hostname(MailSystem system) {
        return system.hostname().map(DomainName::value).orElse("localhost");
    }
}
