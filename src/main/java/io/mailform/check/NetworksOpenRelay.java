package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Cidr;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;

/** Clients in {@code networks} may relay anywhere; a network that large lets the Internet use this host as a relay. */
final class NetworksOpenRelay implements Rule {
    @Override
    public Reads reads() {
        return Reads.each(Part.NETWORKS);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        List<Cidr> networks = system.networks();
        for (int i = 0; i < networks.size(); i++) {
            Cidr network = networks.get(i);
            if (AddressSpace.isOpenRelay(network)) {
                int bound = network.isIpv6() && AddressSpace.mappedIpv4(network).isEmpty()
                        ? AddressSpace.SHORTEST_IPV6_PREFIX
                        : AddressSpace.SHORTEST_IPV4_PREFIX;
                findings.atValue(Code.NETWORKS_OPEN_RELAY, Pointers.of("networks", i),
                        "network " + network + " lets a large part of the Internet relay mail through this host"
                                + " (an open relay)",
                        "list only your own networks, with a prefix of /" + bound + " or longer, e.g. 192.168.0.0/16;"
                                + " authenticate remote senders instead of listing their networks");
            }
        }
    }
}
