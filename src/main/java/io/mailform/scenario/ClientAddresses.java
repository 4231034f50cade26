package io.mailform.scenario;

import io.mailform.model.Cidr;
import io.mailform.model.IpAddress;
import io.mailform.model.MailSystem;
import io.mailform.oracle.Oracle;
import java.util.List;
import java.util.Optional;

/**
 * The address a case's client uses: for {@code inside}, loopback when networks hold it (as on Debian's default),
 * else the first host of the first network; for {@code outside}, a documentation address (RFC 5737, RFC 3849) that no
 * network holds. The same description always gives the same addresses.
 */
public final class ClientAddresses {
    private static final List<String> OUTSIDE_CANDIDATES = List.of("203.0.113.77", "198.51.100.77", "192.0.2.77",
            "2001:db8::77");

    private final MailSystem system;
    private final Oracle oracle;

    public ClientAddresses(MailSystem system, Oracle oracle) {
        this.system = system;
        this.oracle = oracle;
    }

    /** The address, or empty when no address has the required side (no networks at all, or all of them). */
    public Optional<IpAddress> of(ClientChoice choice) {
        if (choice instanceof ClientChoice.At at) {
            return Optional.of(at.address());
        }
        if (choice instanceof ClientChoice.Outside) {
            return OUTSIDE_CANDIDATES.stream().map(text -> IpAddress.parse(text).orElseThrow())
                    .filter(address -> !oracle.isInsideNetworks(address)).findFirst();
        }
        IpAddress loopback = IpAddress.parse("127.0.0.1").orElseThrow();
        if (oracle.isInsideNetworks(loopback)) {
            return Optional.of(loopback);
        }
        return system.networks().stream().findFirst().map(ClientAddresses::firstHost);
    }

    private static IpAddress firstHost(Cidr network) {
        byte[] bytes = network.network().address().bytes();
        int hostBits = bytes.length * 8 - network.prefix();
        if (hostBits >= 2) {
            bytes[bytes.length - 1] |= 1;
        }
        return new IpAddress(bytes);
    }
}
