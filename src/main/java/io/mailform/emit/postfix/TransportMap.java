package io.mailform.emit.postfix;

import io.mailform.model.MailSystem;
import java.util.List;

/**
 * The transport table: one {@code domain smtp:nexthop} line per route. Only the domain itself is routed, not its
 * subdomains: Postfix matches a transport key {@code example.com} exactly, and a subdomain would need its own
 * {@code .example.com} entry, which the description does not ask for.
 */
final class TransportMap {
    private TransportMap() {
    }

    static List<MapEntry> entries(MailSystem system) {
        return system.routes().stream()
                .map(route -> new MapEntry(route.domain().value(), "smtp:" + route.relay().postfixNextHop(),
                        RelayAt.pointer(route)))
                .toList();
    }
}
