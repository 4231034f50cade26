package io.mailform.oracle;

import java.util.Optional;

/**
 * Postfix's trivial-rewrite for one address: a bare address gets {@code @myorigin}; inside a local domain, routing
 * that the client wrote into the local part is taken apart ({@code "user@remote"@local} and
 * {@code user@remote@local}, the percent hack {@code user%remote@local}, the bang path {@code remote!user@local}, as
 * {@code allow_percent_hack} and {@code swap_bangpath} do by default); then the domain picks the transport: local, a
 * route, or the default next hop.
 */
final class Resolver {
    private static final int MAX_REWRITES = 20;

    private final AddressBook book;
    private final Hops hops;

    Resolver(AddressBook book, Hops hops) {
        this.book = book;
        this.hops = hops;
    }

    /** {@code user} becomes {@code user@myorigin} (append_at_myorigin). */
    EnvelopeAddress canonical(EnvelopeAddress address, Trace trace) {
        if (address.domain().isPresent() || address.isNull()) {
            return address;
        }
        trace.step("\"" + address.localPart() + "\" has no domain: Postfix appends the mail name, "
                + address.localPart() + "@" + book.myorigin());
        return address.withDomain(book.myorigin());
    }

    Resolution resolve(EnvelopeAddress written, Trace trace) {
        EnvelopeAddress address = canonical(written, trace);
        boolean routed = false;
        for (int i = 0; i < MAX_REWRITES; i++) {
            String domain = address.domain().orElseThrow();
            if (domain.startsWith("[")) {
                return new Resolution.Unknown(address, routed, "an address literal is local only when it names an "
                        + "address of the host itself, which the description does not say");
            }
            if (!book.isLocalDomain(domain)) {
                break;
            }
            Optional<EnvelopeAddress> inner = routedPart(address.localPart());
            if (inner.isEmpty()) {
                trace.step(domain + " is a local domain (destinations)");
                return new Resolution.Local(address, routed);
            }
            trace.step(domain + " is a local domain, but the local part \"" + address.localPart()
                    + "\" routes the mail on: it becomes " + inner.get().address());
            routed = true;
            address = canonical(inner.get(), trace);
        }
        String domain = address.domain().orElseThrow();
        Optional<Hop> route = hops.route(domain);
        if (route.isPresent()) {
            trace.step(domain + " has a route: " + describe(route.get()));
            return new Resolution.Remote(address, routed, route.get());
        }
        if (hops.fallback().isEmpty()) {
            trace.step(domain + " is not a local domain, and this system sends nothing out (default_transport = "
                    + "error)");
            return new Resolution.Error(address, routed, domain);
        }
        trace.step(domain + " is not a local domain: " + describe(hops.fallback().get()));
        return new Resolution.Remote(address, routed, hops.fallback().get());
    }

    private static String describe(Hop hop) {
        return hop.description() + " (sink " + hop.sink() + ", TLS " + hop.tls().key()
                + hop.login().map(login -> ", login " + login).orElse("") + ")";
    }

    /** The address that the local part itself names, if it names one. */
    private static Optional<EnvelopeAddress> routedPart(String localPart) {
        int at = localPart.lastIndexOf('@');
        if (at >= 0) {
            return Optional.of(EnvelopeAddress.parse(localPart));
        }
        int percent = localPart.lastIndexOf('%');
        if (percent >= 0) {
            return Optional.of(EnvelopeAddress.parse(localPart.substring(0, percent) + "@"
                    + localPart.substring(percent + 1)));
        }
        int bang = localPart.indexOf('!');
        if (bang >= 0) {
            return Optional.of(EnvelopeAddress.parse(localPart.substring(bang + 1) + "@"
                    + localPart.substring(0, bang)));
        }
        return Optional.empty();
    }
}
