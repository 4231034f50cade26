package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Cidr;
import io.mailform.model.MailSystem;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;

/** {@code 192.168.1.5/24}: Postfix uses the whole /24, so the address part is misleading, or the prefix is wrong. */
final class NetworksHostBits implements Rule {
    @Override
    public void check(MailSystem system, Findings findings) {
        List<Cidr> networks = system.networks();
        for (int i = 0; i < networks.size(); i++) {
            Cidr network = networks.get(i);
            if (network.hasHostBits()) {
                String cleared = AddressSpace.networkText(network);
                findings.atValue(Code.NETWORKS_HOST_BITS, Pointers.of("networks", i),
                        "network " + network + " has host bits set; Postfix reads it as " + cleared,
                        "write " + cleared + ", or the single host as " + network.written()
                                + (network.isIpv6() ? "/128" : "/32"));
            }
        }
    }
}
