package io.mailform.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A next hop for mail: the smarthost of {@code relay} or the target of a route. {@code mxLookup} false (the
 * default) means Postfix connects to the host itself, written {@code [host]}.
 */
public record Relay(RelayHost host, OptionalInt port, boolean mxLookup, Optional<RelayAuth> auth, TlsLevel tls) {
    public static final TlsLevel DEFAULT_TLS = TlsLevel.MAY;

    /** The Postfix next-hop syntax: {@code [host]:port}, {@code [host]}, {@code host:port} or {@code host}. */
    public String postfixNextHop() {
        String host = mxLookup ? this.host.postfixHost() : "[" + this.host.postfixHost() + "]";
        return port.isPresent() ? host + ":" + port.getAsInt() : host;
    }
}
