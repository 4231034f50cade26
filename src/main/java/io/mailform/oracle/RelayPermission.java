package io.mailform.oracle;

import io.mailform.delivery.Reply;
import io.mailform.model.Cidr;
import io.mailform.model.IpAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Debian's {@code smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination}:
 * a client inside {@code networks} or logged in may send anywhere; any other client only to an address that resolves
 * to a local destination (routing in the address that leads back into a local domain passes, measured on Postfix
 * 3.7). The refusal is 454 4.7.1, a temporary one, as {@code defer_unauth_destination} answers.
 */
final class RelayPermission {
    private final List<Cidr> networks;
    private final boolean saslServer;

    /** @param saslServer whether smtpd offers SASL at all; without it a login (through XCLIENT) grants nothing */
    RelayPermission(List<Cidr> networks, boolean saslServer) {
        this.networks = List.copyOf(networks);
        this.saslServer = saslServer;
    }

    /** True when the client's address lies in one of {@code networks}; IPv4-mapped networks hold IPv4 clients. */
    boolean isInside(IpAddress client) {
        return networks.stream().anyMatch(network -> contains(network, client));
    }

    /** Empty when the recipient may be used; else the reply that refuses it. */
    Optional<Reply> check(Client client, EnvelopeAddress written, Resolution resolution, Trace trace) {
        if (isInside(client.address())) {
            trace.step("relay permission: the client " + client.address().text() + " is inside networks "
                    + networks + " (permit_mynetworks)");
            return Optional.empty();
        }
        if (client.login().isPresent() && saslServer) {
            trace.step("relay permission: the client logged in as " + client.login().get()
                    + " (permit_sasl_authenticated)");
            return Optional.empty();
        }
        if (client.login().isPresent()) {
            trace.step("the login " + client.login().get() + " counts for nothing: the description offers no SASL "
                    + "server (smtpd_sasl_auth_enable is off)");
        }
        String outside = "the client " + client.address().text() + " is outside networks " + networks
                + " and not logged in";
        if (resolution instanceof Resolution.Local) {
            trace.step("relay permission: " + outside + ", but the address " + (resolution.routed()
                    ? "resolves to a local destination" : "is a local destination"));
            return Optional.empty();
        }
        String why = resolution.routed() ? "the routing in the address leads to another domain"
                : "the address is not local";
        trace.step("relay permission: " + outside + ", and " + why + ": refused for now (defer_unauth_destination)");
        return Optional.of(Reply.of(454, "4.7.1", "<" + resolution.address().address() + ">: Relay access denied"));
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
