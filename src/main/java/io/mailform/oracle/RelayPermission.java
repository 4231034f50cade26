package io.mailform.oracle;

import io.mailform.delivery.Reply;
import io.mailform.model.Cidr;
import io.mailform.model.IpAddress;
import io.mailform.postfix.RelayDecision;
import io.mailform.postfix.RelayRestrictions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Relay permission as smtpd decides it: the compiled smtpd_relay_restrictions and smtpd_recipient_restrictions
 * ({@link RelayRestrictions}, the reading the semantic rules use too) applied to the client (inside {@code networks}
 * or not, logged in or not) and to where the recipient resolves. With Debian's list a client inside or logged in may
 * send anywhere, any other client only to a local destination; the refusal is 454 4.7.1.
 */
final class RelayPermission {
    private final List<Cidr> networks;
    private final boolean saslServer;
    private final RelayRestrictions restrictions;

    /** @param saslServer whether smtpd offers SASL at all; without it a login (through XCLIENT) grants nothing */
    RelayPermission(List<Cidr> networks, boolean saslServer, RelayRestrictions restrictions) {
        this.networks = List.copyOf(networks);
        this.saslServer = saslServer;
        this.restrictions = restrictions;
    }

    /** True when the client's address lies in one of {@code networks}; IPv4-mapped networks hold IPv4 clients. */
    boolean isInside(IpAddress client) {
        return networks.stream().anyMatch(network -> contains(network, client));
    }

    /** Empty when the recipient may be used; else the reply that refuses it. */
    Optional<Reply> check(Client client, Resolution resolution, Trace trace, List<String> uncertainties) {
        boolean inside = isInside(client.address());
        boolean loggedIn = client.login().isPresent() && saslServer;
        boolean local = resolution instanceof Resolution.Local;
        trace.step("relay permission: the client " + client.address().text() + " is "
                + (inside ? "inside" : "outside") + " networks " + networks
                + client.login().map(login -> saslServer ? ", logged in as " + login
                        : ", and its login " + login + " counts for nothing: the description offers no SASL server "
                                + "(smtpd_sasl_auth_enable is off)").orElse(", not logged in")
                + "; the address " + (local ? (resolution.routed() ? "resolves to a local destination"
                        : "is a local destination") : resolution.routed()
                        ? "routes on to another domain" : "is not local"));
        RelayDecision decision = restrictions.decide(inside, loggedIn, local);
        decision.steps().forEach(step -> trace.step("  " + step));
        if (!decision.isCertain()) {
            uncertainties.add(resolution.address().address() + ": relaying depends on " + decision.unjudged()
                    + ", which the description does not decide");
        }
        return decision.refusal().map(refusal -> Reply.of(refusal.reply().code(), refusal.reply().enhanced(),
                "<" + resolution.address().address() + ">: " + refusal.reply().text()));
    }

    /** Postfix matches an IPv4-mapped client ({@code ::ffff:10.0.0.1}) and network as the IPv4 they stand for. */
    private static boolean contains(Cidr network, IpAddress client) {
        Cidr judged = mappedIpv4(network).orElse(network);
        Cidr host = new Cidr(client, client.bytes().length * 8, client.text());
        return judged.contains(mappedIpv4(host).orElse(host));
    }

    private static Optional<Cidr> mappedIpv4(Cidr network) {
        byte[] raw = network.address().bytes();
        if (raw.length != 16 || network.prefix() < 96) {
            return Optional.empty();
        }
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return Optional.empty();
            }
        }
        if (raw[10] != (byte) 0xFF || raw[11] != (byte) 0xFF) {
            return Optional.empty();
        }
        IpAddress v4 = new IpAddress(Arrays.copyOfRange(raw, 12, 16));
        return Optional.of(new Cidr(v4, network.prefix() - 96, v4.text()));
    }
}
