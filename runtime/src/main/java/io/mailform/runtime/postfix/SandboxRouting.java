package io.mailform.runtime.postfix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.mailform.runtime.config.OutboundGateway;
import io.mailform.runtime.config.StartupException;

/**
 * Where a compiled Postfix configuration would send mail off the host, so that the sandbox can give each place a
 * capture sink of its own, named as James's sandbox names it: the smarthost of relayhost and each next hop of the
 * transport map by {@code host:port} (port 25 when none is written), and delivery by MX lookup as {@code direct}
 * (relayhost empty while default_transport is Postfix's smtp).
 *
 * @param relayhost the next hop relayhost names, or empty
 * @param direct whether the configuration delivers by MX lookup
 * @param transportNextHops the next hop of each smtp entry of the transport map, by the entry's value
 */
record SandboxRouting(Optional<NextHop> relayhost, boolean direct, Map<String, TransportNextHop> transportNextHops) {
    private static final Set<String> SMTP_TRANSPORTS = Set.of("smtp", "relay");

    /**
     * An smtp transport with its next hop, or without one: then Postfix looks up the recipient domain's MX hosts.
     *
     * @param transport the transport as written, e.g. {@code smtp}
     */
    record TransportNextHop(String transport, Optional<NextHop> nextHop) {
        String sinkName() {
            return nextHop.map(NextHop::sinkName).orElse(OutboundGateway.DIRECT);
        }
    }

    SandboxRouting {
        transportNextHops = Collections.unmodifiableMap(new LinkedHashMap<>(transportNextHops));
    }

    /**
     * @param transport the compiled transport map, if the configuration has one
     */
    static SandboxRouting of(CompiledMainCf mainCf, Optional<LookupTable> transport) throws StartupException {
        String relayhost = mainCf.value("relayhost").strip();
        Optional<NextHop> relay = relayhost.isEmpty() ? Optional.empty() : Optional.of(NextHop.parse(relayhost));
        TransportNextHop fallback = transportOf(mainCf.value("default_transport"));
        boolean direct = relay.isEmpty() && SMTP_TRANSPORTS.contains(fallback.transport())
            && fallback.nextHop().isEmpty();
        Map<String, TransportNextHop> nextHops = new LinkedHashMap<>();
        if (fallback.nextHop().isPresent()) {
            throw new StartupException("default_transport = " + mainCf.value("default_transport") + " names a next "
                + "hop of its own, which the sandbox does not redirect; name it with relayhost instead");
        }
        if (transport.isPresent()) {
            for (LookupTable.Change entry : transport.get().entries()) {
                TransportNextHop hop = transportOf(entry.before());
                if (SMTP_TRANSPORTS.contains(hop.transport())) {
                    nextHops.put(entry.before(), hop);
                }
            }
        }
        return new SandboxRouting(relay, direct, nextHops);
    }

    /** {@code transport:nexthop}, {@code transport:} or {@code transport}, as transport(5) writes it. */
    private static TransportNextHop transportOf(String value) throws StartupException {
        int colon = value.indexOf(':');
        String transport = colon < 0 ? value.strip() : value.substring(0, colon).strip();
        String nextHop = colon < 0 ? "" : value.substring(colon + 1).strip();
        if (!SMTP_TRANSPORTS.contains(transport) || nextHop.isEmpty()) {
            return new TransportNextHop(transport, Optional.empty());
        }
        return new TransportNextHop(transport, Optional.of(NextHop.parse(nextHop)));
    }

    /** The sinks this configuration needs, sorted by name. */
    List<String> sinkNames() {
        Set<String> names = new TreeSet<>();
        relayhost.ifPresent(hop -> names.add(hop.sinkName()));
        if (direct) {
            names.add(OutboundGateway.DIRECT);
        }
        transportNextHops.values().forEach(hop -> names.add(hop.sinkName()));
        return List.copyOf(names);
    }

    /** Every next hop as written, relayhost first: the keys sasl_passwd and tls_policy may have entries under. */
    List<NextHop> nextHops() {
        List<NextHop> hops = new ArrayList<>();
        relayhost.ifPresent(hops::add);
        transportNextHops.values().forEach(hop -> hop.nextHop().ifPresent(hops::add));
        return hops;
    }
}
