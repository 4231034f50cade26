package io.mailform.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One mail system, as described in the YAML, with every default applied. Both emitters read only this; positions
 * for diagnostics stay in the source map, addressed by the YAML path of each value.
 */
public record MailSystem(
        Mode mode,
        Optional<DomainName> hostname,
        Optional<DomainName> mailName,
        List<AliasTarget> rootRecipient,
        List<Destination> destinations,
        Optional<Relay> relay,
        List<Cidr> networks,
        boolean synchronousUpdates,
        boolean procmail,
        Size mailboxSizeLimit,
        Optional<Size> messageSizeLimit,
        String recipientDelimiter,
        Protocols protocols,
        Interfaces interfaces,
        List<Alias> aliases,
        List<User> users,
        List<Route> routes,
        ServerTls serverTls,
        List<PostfixParameter> postfixParameters,
        Set<UnsafeTarget> allowedAliasTargets) {

    public MailSystem {
        rootRecipient = List.copyOf(rootRecipient);
        destinations = List.copyOf(destinations);
        networks = List.copyOf(networks);
        aliases = List.copyOf(aliases);
        users = List.copyOf(users);
        routes = List.copyOf(routes);
        postfixParameters = List.copyOf(postfixParameters);
        allowedAliasTargets = Set.copyOf(allowedAliasTargets);
    }
}
