package io.mailform.emit.james;

import io.mailform.diag.Code;
import io.mailform.model.Cidr;
import io.mailform.model.IpAddress;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Postfix's mynetworks as James's {@code authorizedAddresses}: comma-separated, IPv6 without brackets. An IPv4-mapped
 * IPv6 network ({@code ::ffff:127.0.0.0/104}, in Debian's default) is written as the IPv4 network it holds: Java reads
 * such an address as IPv4, so James refuses the IPv6 prefix length, and it sees those clients as IPv4 anyway.
 */
final class AuthorizedNetworks {
    private static final int MAPPED_PREFIX = 96;
    private static final byte[] MAPPED = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};

    private AuthorizedNetworks() {
    }

    /** Empty when no network may relay: James then relays for no one, as Postfix with an empty mynetworks. */
    static Optional<String> of(List<Cidr> networks, Findings findings) {
        Set<String> written = new LinkedHashSet<>();
        for (int i = 0; i < networks.size(); i++) {
            Cidr network = networks.get(i);
            if (!isMapped(network.address())) {
                written.add(network.text());
            } else if (network.prefix() >= MAPPED_PREFIX) {
                byte[] v4 = Arrays.copyOfRange(network.address().bytes(), MAPPED.length, 16);
                IpAddress address = new IpAddress(v4);
                written.add(address.text() + "/" + (network.prefix() - MAPPED_PREFIX));
            } else {
                findings.atValue(Code.JAMES_UNSUPPORTED, Pointers.of("networks", i),
                        "the network " + network.text() + " mixes IPv4-mapped and other IPv6 addresses, which "
                                + "James 3.8.1 cannot match; the James configuration leaves it out",
                        "write the IPv4 part as an IPv4 network and the rest as IPv6 networks");
            }
        }
        return written.isEmpty() ? Optional.empty() : Optional.of(String.join(",", written));
    }

    private static boolean isMapped(IpAddress address) {
        byte[] bytes = address.bytes();
        return bytes.length == 16 && Arrays.equals(Arrays.copyOf(bytes, MAPPED.length), MAPPED);
    }
}
