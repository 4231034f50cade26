package io.mailform.emit.james;

import io.mailform.diag.Code;
import io.mailform.emit.SecretReader;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Relay;
import io.mailform.model.RelayAuth;
import io.mailform.model.RelayHost;
import io.mailform.model.Route;
import io.mailform.model.ServerTls;
import io.mailform.model.TlsLevel;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where mail for other domains goes: each route's domain through its own RemoteDelivery and queue, everything else
 * to the smarthost ({@code relay}), by MX lookup (internet-site), or back to the sender (local-only, like Postfix's
 * error transport).
 */
record OutboundPlan(List<RoutedDomain> routes, Outbound fallback) {
    static final String DEFAULT_QUEUE = "outgoing";
    private static final int SMTP_PORT = 25;

    OutboundPlan {
        routes = List.copyOf(routes);
    }

    static OutboundPlan of(MailSystem system, SecretReader secrets, Findings findings) {
        Planner planner = new Planner(secrets, findings);
        List<RoutedDomain> routes = new ArrayList<>();
        for (Route route : system.routes()) {
            routes.add(new RoutedDomain(route.domain(), planner.toGateway(route.relay(),
                    Pointers.of("routes", route.key()), RoutedDomain.queueOf(route.domain()))));
        }
        Outbound fallback;
        if (system.relay().isPresent()) {
            fallback = planner.toGateway(system.relay().get(), Pointers.of("relay"), DEFAULT_QUEUE);
        } else if (system.mode() == Mode.LOCAL_ONLY) {
            fallback = new Outbound.Refused("This host delivers mail locally only; mail for other domains is not sent");
        } else {
            fallback = new Outbound.Remote(DEFAULT_QUEUE, Optional.empty(), directTls(system));
        }
        return new OutboundPlan(routes, fallback);
    }

    /**
     * Postfix's client TLS without a relay: Debian writes {@code smtp_tls_security_level = may} together with the
     * server certificate, and nothing (no TLS) without one.
     */
    private static TlsLevel directTls(MailSystem system) {
        return system.serverTls() instanceof ServerTls.Certificate ? TlsLevel.MAY : TlsLevel.NONE;
    }

    /** Every RemoteDelivery of the plan, routes first. */
    List<Outbound.Remote> remotes() {
        List<Outbound.Remote> remotes = new ArrayList<>();
        routes.forEach(route -> {
            if (route.outbound() instanceof Outbound.Remote remote) {
                remotes.add(remote);
            }
        });
        if (fallback instanceof Outbound.Remote remote) {
            remotes.add(remote);
        }
        return remotes;
    }

    private static final class Planner {
        private final SecretReader secrets;
        private final Findings findings;

        Planner(SecretReader secrets, Findings findings) {
            this.secrets = secrets;
            this.findings = findings;
        }

        Outbound toGateway(Relay relay, String pointer, String queue) {
            if (relay.host() instanceof RelayHost.Address address && address.address().isIpv6()) {
                findings.atValue(Code.JAMES_UNSUPPORTED, Pointers.child(pointer, "host"),
                        "the IPv6 relay host " + address.text() + " cannot be written in James 3.8.1's <gateway>, "
                                + "which splits host and port at ':'; the James configuration bounces this mail "
                                + "instead of sending it",
                        "name the relay by a host name whose address is " + address.text()
                                + " if the James configuration must send this mail");
                return new Outbound.Refused("This relay cannot be reached from this James configuration");
            }
            if (relay.mxLookup()) {
                findings.atValue(Code.JAMES_UNSUPPORTED, Pointers.child(pointer, "mx_lookup"),
                        "James 3.8.1 connects to a gateway's own address and cannot look up its MX hosts; the James "
                                + "configuration sends to " + relay.host().text() + " itself",
                        "name the MX host itself as the relay host and drop mx_lookup if the James configuration "
                                + "must reach the same servers");
            }
            Optional<Outbound.Login> login = relay.auth().flatMap(auth -> login(auth, Pointers.child(pointer, "auth")));
            OptionalInt port = relay.port();
            Outbound.Gateway gateway = new Outbound.Gateway(relay.host().text(),
                    port.isPresent() ? port.getAsInt() : SMTP_PORT, login);
            return new Outbound.Remote(queue, Optional.of(gateway), relay.tls());
        }

        private Optional<Outbound.Login> login(RelayAuth auth, String authPointer) {
            String sourcePointer = SecretReader.sourcePointer(authPointer, auth.password());
            Optional<String> password = secrets.read(auth.password(), sourcePointer, "the relay password");
            boolean writable = XmlValues.check(auth.username(), "the relay user name", Pointers.child(authPointer,
                    "username"), findings);
            if (password.isEmpty()) {
                return Optional.empty();
            }
            writable &= XmlValues.check(password.get(), "the relay password", sourcePointer, findings);
            return writable ? Optional.of(new Outbound.Login(auth.username(), password.get())) : Optional.empty();
        }
    }
}
