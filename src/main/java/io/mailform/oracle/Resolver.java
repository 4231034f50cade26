package io.mailform.oracle;

import io.mailform.postfix.AddressReader;
import io.mailform.postfix.AddressReading;
import io.mailform.postfix.AddressResolver;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Postfix's trivial-rewrite for one address, as {@link AddressReader} reads it (a bare address gets
 * {@code @myorigin}; inside a local domain, routing that the client wrote into the local part is taken apart), then
 * the domain picks the transport: local, a route, or the default next hop.
 */
final class Resolver {
    private static final Pattern ROUTING_OPERATORS = Pattern.compile("[@%!]");

    private final Hops hops;
    private final AddressReader reader;

    Resolver(Hops hops, AddressReader reader) {
        this.hops = hops;
        this.reader = reader;
    }

    /** An address the system writes itself: an alias target, or the sender a bounce goes to. */
    Resolution resolve(EnvelopeAddress written, Trace trace) {
        return resolve(written, reader.address(written.address()), trace);
    }

    /** An address as {@link AddressReader} read it, from a client or from the system itself. */
    Resolution resolve(EnvelopeAddress written, AddressReading reading, Trace trace) {
        if (!(reading instanceof AddressReading.Resolved read)) {
            String why = reading instanceof AddressReading.BadSyntax bad ? bad.why() : "it is the null address";
            trace.step("Postfix refuses the syntax of " + written.address() + ": " + why);
            return new Resolution.BadSyntax(written, false);
        }
        if (read.internal().indexOf('@') < 0 && read.canonical().startsWith(read.internal() + "@")) {
            trace.step("\"" + read.internal() + "\" has no domain: Postfix appends the mail name, "
                + read.canonical());
        }
        int at = read.canonical().lastIndexOf('@');
        String localPart = at < 0 ? read.canonical() : read.canonical().substring(0, at);
        String domain = at < 0 ? "" : read.canonical().substring(at + 1);
        // Sender-specified routing: the client wrote another destination into the local part of a local domain.
        boolean routed = (domain.isEmpty() || reader.isLocalDomain(domain))
            && ROUTING_OPERATORS.matcher(localPart).find();
        AddressResolver.Resolved resolved = read.resolved();
        EnvelopeAddress result = new EnvelopeAddress(written.written(), resolved.localPart(),
            Optional.of(resolved.domain()));
        if (routed) {
            trace.step((domain.isEmpty() ? "the local part \"" : domain + " is a local domain, but the local part \"")
                + localPart + "\" routes the mail on: it becomes " + result.address());
        }
        if (resolved.local()) {
            trace.step(resolved.domain() + " is a local domain (destinations)");
            return new Resolution.Local(result, routed);
        }
        String target = resolved.domain();
        if (target.startsWith("[")) {
            return new Resolution.Unknown(result, routed, "an address literal is local only when it names an "
                + "address of the host itself, which the description does not say");
        }
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
