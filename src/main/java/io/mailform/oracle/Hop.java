package io.mailform.oracle;

import io.mailform.model.TlsLevel;
import java.util.Optional;

/**
 * A next hop outside the system, named as the sandbox names its capture sinks: {@code direct} for delivery by MX
 * lookup, {@code host:port} for a smarthost or a route. {@code login} is the SASL user Postfix sends there, {@code tls}
 * the client's TLS level for it (the sinks offer STARTTLS, so any level but none ends up encrypted).
 *
 * @param description how the description chose it, for explanations: "the smarthost", "route lists.example.org"
 */
public record Hop(String sink, Optional<String> login, TlsLevel tls, String description) {
    public boolean encrypted() {
        return tls != TlsLevel.NONE;
    }
}
