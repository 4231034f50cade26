package io.mailform.emit.james;

import io.mailform.diag.Code;
import io.mailform.model.Interfaces;
import io.mailform.model.IpAddress;
import io.mailform.model.MailSystem;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;

/**
 * Postfix's inet_interfaces as James bind addresses. James 3.8.1 splits each bind entry at ':', so it cannot be told
 * to listen on an IPv6 address: {@code all} becomes 0.0.0.0 (IPv4 only), {@code loopback-only} 127.0.0.1, and listed
 * IPv6 addresses are left out with a warning.
 */
final class ListenAddresses {
    static final IpAddress ANY = IpAddress.parse("0.0.0.0").orElseThrow();
    static final IpAddress LOOPBACK = IpAddress.parse("127.0.0.1").orElseThrow();

    private ListenAddresses() {
    }

    static List<IpAddress> of(MailSystem system, Findings findings) {
        Interfaces interfaces = system.interfaces();
        if (interfaces instanceof Interfaces.LoopbackOnly) {
            return List.of(LOOPBACK);
        }
        if (interfaces instanceof Interfaces.All) {
            if (!system.protocols().allowsIpv4()) {
                findings.atValue(Code.JAMES_UNSUPPORTED, Pointers.of("protocols"),
                        "James 3.8.1 cannot listen on IPv6 addresses; the James configuration listens on every IPv4 "
                                + "address (0.0.0.0) instead",
                        "use protocols: all or ipv4 if the James configuration must behave the same");
            }
            return List.of(ANY);
        }
        List<IpAddress> listed = ((Interfaces.Addresses) interfaces).addresses();
        List<IpAddress> usable = listed.stream().filter(address -> !address.isIpv6()).toList();
        for (int i = 0; i < listed.size(); i++) {
            IpAddress address = listed.get(i);
            if (address.isIpv6()) {
                findings.atValue(Code.JAMES_UNSUPPORTED, Pointers.of("interfaces", i),
                        "James 3.8.1 cannot listen on the IPv6 address " + address.text()
                                + " (it splits bind addresses at ':'); the James configuration leaves it out"
                                + (usable.isEmpty() ? " and listens on 127.0.0.1 only" : ""),
                        "list an IPv4 address too if the James configuration must be reachable from the network");
            }
        }
        return usable.isEmpty() ? List.of(LOOPBACK) : usable;
    }
}
