package io.mailform.oracle;

import io.mailform.model.TlsLevel;
import java.util.Optional;

/**
 * A next hop outside the system: delivery by MX lookup, or a relay host (the smarthost, a route's target). {@code
 * login} is the SASL user Postfix sends there, {@code tls} the client's TLS level for it. The runtime's sandbox stands
 * a capture sink in for each next hop, named {@code sink}: {@code direct} for delivery by MX lookup, {@code host:port}
 * for a relay host; predictions name that sink, as the servers' copies are found there (the sinks offer STARTTLS, so
 * any level but none ends up encrypted). {@code mailform explain} names the next hop itself.
 *
 * @param relayHost the relay host in Postfix's next-hop syntax ({@code [smtp.example.net]:587}); empty for delivery
 *     by MX lookup
 * @param description how the description chose it, for explanations: "the relay host", "route lists.example.org"
 */
public record Hop(String sink, Optional<String> relayHost, Optional<String> login, TlsLevel tls, String description) {
    public boolean encrypted() {
        return tls != TlsLevel.NONE;
    }

    /** How mail goes there: {@code by MX lookup}, {@code to [smtp.example.net]:587}. */
    public String destination() {
        return relayHost.map(host -> "to " + host).orElse("by MX lookup");
    }

    /** The TLS level and the login: {@code TLS may}, {@code TLS encrypt, login example-org}. */
    public String settings() {
        return "TLS " + tls.key() + login.map(name -> ", login " + name).orElse("");
    }
}
