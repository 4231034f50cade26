package io.mailform.emit.james;

import io.mailform.model.TlsLevel;
import java.util.Optional;

/** What James does with mail that leaves through one path: send it with a RemoteDelivery, or bounce it. */
sealed interface Outbound permits Outbound.Remote, Outbound.Refused {
    /**
     * A RemoteDelivery mailet with its own queue ({@code <outgoing>}): to {@code gateway}, or without one by MX
     * lookup of each recipient's domain.
     */
    record Remote(String queue, Optional<Gateway> gateway, TlsLevel tls) implements Outbound {
    }

    /** A Bounce to the sender with {@code notice}, where Postfix would bounce the mail (or James cannot send it). */
    record Refused(String notice) implements Outbound {
    }

    /** A next hop that James connects to itself: a host name or an IPv4 address, and a port. */
    record Gateway(String host, int port, Optional<Login> login) {
    }

    /** SASL credentials for a gateway; the password is read at compile time and never shown. */
    record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[" + username + ", password hidden]";
        }
    }
}
