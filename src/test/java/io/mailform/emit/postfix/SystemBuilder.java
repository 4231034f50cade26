package io.mailform.emit.postfix;

import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.Cidr;
import io.mailform.model.Defaults;
import io.mailform.model.Destination;
import io.mailform.model.DomainName;
import io.mailform.model.Interfaces;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.PostfixParameter;
import io.mailform.model.Protocols;
import io.mailform.model.Relay;
import io.mailform.model.RelayAuth;
import io.mailform.model.RelayHost;
import io.mailform.model.Route;
import io.mailform.model.SecretSource;
import io.mailform.model.ServerTls;
import io.mailform.model.Size;
import io.mailform.model.TlsLevel;
import io.mailform.model.UnsafeTarget;
import io.mailform.model.User;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Models built directly in Java, bypassing the schema and the rules, so that the emitter's own guard can be seen
 * at work. Starts as an Internet Site for mail.example.org with Debian's defaults.
 */
final class SystemBuilder {
    Mode mode = Mode.INTERNET_SITE;
    Optional<DomainName> hostname = Optional.of(new DomainName("mail.example.org"));
    Optional<DomainName> mailName = Optional.of(new DomainName("example.org"));
    List<AliasTarget> rootRecipient = new ArrayList<>();
    List<Destination> destinations;
    Optional<Relay> relay = Optional.empty();
    List<Cidr> networks = new ArrayList<>(Defaults.NETWORKS.stream().map(text -> Cidr.parse(text).orElseThrow()).toList());
    boolean synchronousUpdates;
    boolean procmail;
    Size mailboxSizeLimit = Size.UNLIMITED;
    Optional<Size> messageSizeLimit = Optional.empty();
    String recipientDelimiter = "+";
    Protocols protocols = Protocols.ALL;
    Interfaces interfaces;
    List<Alias> aliases = new ArrayList<>(List.of(new Alias("postmaster", List.of(new AliasTarget.Local("root")))));
    List<User> users = new ArrayList<>();
    List<Route> routes = new ArrayList<>();
    ServerTls serverTls = ServerTls.SNAKEOIL;
    List<PostfixParameter> postfix = new ArrayList<>();
    Set<UnsafeTarget> allowedAliasTargets = EnumSet.noneOf(UnsafeTarget.class);

    SystemBuilder mode(Mode value) {
        mode = value;
        return this;
    }

    SystemBuilder relay(Relay value) {
        relay = Optional.of(value);
        return this;
    }

    SystemBuilder route(String domain, Relay value) {
        routes.add(new Route(new DomainName(domain), value));
        return this;
    }

    SystemBuilder alias(String name, AliasTarget... targets) {
        aliases.add(new Alias(name, List.of(targets)));
        return this;
    }

    SystemBuilder postfix(String name, String value) {
        postfix.add(new PostfixParameter(name, value));
        return this;
    }

    MailSystem build() {
        List<Destination> chosen = destinations != null ? destinations
                : mode == Mode.NONE ? List.of() : Defaults.destinations(mode, hostname.get(), mailName.get());
        return new MailSystem(mode, hostname, mailName, rootRecipient, chosen, relay, networks, synchronousUpdates,
                procmail, mailboxSizeLimit, messageSizeLimit, recipientDelimiter, protocols,
                interfaces != null ? interfaces : Defaults.interfaces(mode), aliases, users, routes, serverTls,
                postfix, allowedAliasTargets);
    }

    /** {@code [host]:port} with the given TLS level and no login. */
    static Relay relayTo(String host, int port, TlsLevel tls) {
        return new Relay(new RelayHost.Name(new DomainName(host)), OptionalInt.of(port), false, Optional.empty(), tls);
    }

    /** The same with a login whose password comes from {@code source}. */
    static Relay relayTo(String host, int port, TlsLevel tls, String username, SecretSource source) {
        return new Relay(new RelayHost.Name(new DomainName(host)), OptionalInt.of(port), false,
                Optional.of(new RelayAuth(username, source)), tls);
    }
}
