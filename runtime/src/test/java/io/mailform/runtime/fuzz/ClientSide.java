package io.mailform.runtime.fuzz;

import java.util.Optional;

/**
 * Where a probe's client is, and how the servers learn it: a plain connection from a loopback address (the socket
 * bound to 127.0.0.1 or 127.0.0.2, which both servers see as the client's address), or from 127.0.0.1 with XCLIENT
 * naming another address, as the scenario cases do.
 */
enum ClientSide {
    INSIDE("127.0.0.1", Optional.empty(), true),
    OUTSIDE("127.0.0.2", Optional.empty(), false),
    INSIDE_XCLIENT("127.0.0.1", Optional.of("10.20.0.9"), true),
    OUTSIDE_XCLIENT("127.0.0.1", Optional.of("203.0.113.77"), false);

    private final String bindAddress;
    private final Optional<String> xclientAddress;
    private final boolean inside;

    ClientSide(String bindAddress, Optional<String> xclientAddress, boolean inside) {
        this.bindAddress = bindAddress;
        this.xclientAddress = xclientAddress;
        this.inside = inside;
    }

    /** The local address the client's socket is bound to. */
    String bindAddress() {
        return bindAddress;
    }

    /** The address XCLIENT gives, if the probe uses it. */
    Optional<String> xclientAddress() {
        return xclientAddress;
    }

    /** The address the servers take the client for. */
    String clientAddress() {
        return xclientAddress.orElse(bindAddress);
    }

    /** Whether the description's networks hold the client. */
    boolean inside() {
        return inside;
    }

    /** {@code inside}/{@code outside}: the side, which is what decides, not the way it was chosen. */
    String side() {
        return inside ? "inside" : "outside";
    }

    String text() {
        return clientAddress() + " (" + side() + (xclientAddress.isPresent() ? ", by XCLIENT" : "") + ")";
    }
}
