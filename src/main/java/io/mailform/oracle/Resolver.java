package io.mailform.oracle;

import io.mailform.postfix.AddressResolver;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Postfix's trivial-rewrite for one address: a bare address gets {@code @myorigin}; inside a local domain, routing
 * that the client wrote into the local part is taken apart as {@link AddressResolver} reads it (quoted local parts,
 * the percent hack, bang paths); then the domain picks the transport: local, a route, or the default next hop.
 */
final class Resolver {
    private static final Pattern ROUTING_OPERATORS = Pattern.compile("[@%!]");

    private final AddressBook book;
    private final Hops hops;
    private final AddressResolver addressResolver;

    Resolver(AddressBook book, Hops hops) {
        this.book = book;
        this.hops = hops;
        this.addressResolver = new AddressResolver(book::isLocalDomain, book.myorigin());
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
        String domain = address.domain().orElseThrow();
        if (domain.startsWith("[")) {
            return new Resolution.Unknown(address, false, "an address literal is local only when it names an "
                    + "address of the host itself, which the description does not say");
        }
        Optional<AddressResolver.Resolved> resolved = addressResolver.resolve(address.address());
        if (resolved.isEmpty()) {
            trace.step("Postfix refuses the syntax of " + address.address());
            return new Resolution.BadSyntax(address, false);
        }
        // Sender-specified routing: the client wrote another destination into the local part of a local domain.
        boolean routed = book.isLocalDomain(domain) && ROUTING_OPERATORS.matcher(address.localPart()).find();
        EnvelopeAddress result = new EnvelopeAddress(written.written(), resolved.get().localPart(),
                Optional.of(resolved.get().domain()));
        if (routed) {
            trace.step(domain + " is a local domain, but the local part \"" + address.localPart()
                    + "\" routes the mail on: it becomes " + result.address());
        }
        if (resolved.get().local()) {
            trace.step(result.domain().orElseThrow() + " is a local domain (destinations)");
            return new Resolution.Local(result, routed);
        }
        String target = result.domain().orElseThrow();
        Optional<Hop> route = hops.route(target);
        if (route.isPresent()) {
            trace.step(target + " has a route " + route.get().destination() + " (" + route.get().settings() + ")");
            return new Resolution.Remote(result, routed, route.get());
        }
        if (hops.fallback().isEmpty()) {
            trace.step(target + " is not a local domain, and this system sends nothing out (default_transport = "
                    + "error)");
            return new Resolution.Error(result, routed, target);
        }
        trace.step(target + " is not a local domain: " + describe(hops.fallback().get()));
        return new Resolution.Remote(result, routed, hops.fallback().get());
    }

    /** {@code the relay host [smtp.example.net]:587 (TLS encrypt, login example-org)}, {@code delivery by MX lookup}. */
    private static String describe(Hop hop) {
        return hop.description() + hop.relayHost().map(host -> " " + host).orElse("") + " (" + hop.settings() + ")";
    }
}
