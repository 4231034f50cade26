package io.mailform.oracle;

import io.mailform.delivery.Place;
import io.mailform.model.DomainName;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Relay;
import io.mailform.model.RelayAuth;
import io.mailform.model.Route;
import io.mailform.postfix.ClientTls;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The next hops of the compiled configuration: one per route (the transport map, exact domains only, as Postfix's
 * transport lookups do not match subdomains without a leading-dot entry), and the default one: delivery by MX lookup
 * for an Internet Site, the relay for a smarthost or satellite, none for local-only.
 */
final class Hops {
    private final Map<String, Hop> routes = new LinkedHashMap<>();
    private final Optional<Hop> fallback;

    Hops(MailSystem system) {
        for (Route route : system.routes()) {
            routes.putIfAbsent(route.domain().value(), hop(route.relay(), "route " + route.domain().value()));
        }
        if (system.mode() == Mode.LOCAL_ONLY || system.mode() == Mode.NONE) {
            fallback = Optional.empty();
        } else if (system.relay().isPresent()) {
            fallback = Optional.of(hop(system.relay().get(), "the relay host"));
        } else {
            fallback = Optional.of(new Hop(Place.Sink.DIRECT, Optional.empty(), Optional.empty(),
                    ClientTls.effective(system), "delivery by MX lookup"));
        }
    }

    /** The sink name of a relay: {@code host:port}, port 25 unless the description names one. */
    static String sinkName(Relay relay) {
        return relay.host().text() + ":" + relay.port().orElse(25);
    }

    private static Hop hop(Relay relay, String description) {
        return new Hop(sinkName(relay), Optional.of(relay.postfixNextHop()), relay.auth().map(RelayAuth::username),
                relay.tls(), description);
    }

    /** The route of {@code domain}: the transport map is looked up in lower case, as postmap stores its keys. */
    Optional<Hop> route(String domain) {
        return Optional.ofNullable(routes.get(domain.toLowerCase(Locale.ROOT)));
    }

    Optional<Hop> fallback() {
        return fallback;
    }

    /** The sink a scenario means by {@code smarthost}, {@code direct} or a routed domain. */
    Optional<String> sinkFor(String via) {
        if (via.equals("smarthost") || via.equals("relay")) {
            return fallback.filter(hop -> !hop.sink().equals(Place.Sink.DIRECT)).map(Hop::sink);
        }
        if (via.equals(Place.Sink.DIRECT)) {
            return fallback.filter(hop -> hop.sink().equals(Place.Sink.DIRECT)).map(Hop::sink);
        }
        return DomainName.isValid(via) ? route(new DomainName(via).value()).map(Hop::sink) : Optional.empty();
    }
}
