package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Cidr;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;

/**
 * {@code 127.0.0.1/8}: Postfix does not read past the host bits. Measured on Postfix 3.7.11, smtpd then answers
 * {@code 451 4.3.0 Temporary lookup failure} to every recipient of every client, as its mynetworks lookup fails.
 */
final class NetworksHostBits implements Rule {
    @Override
    public Reads reads() {
        return Reads.each(Part.NETWORKS);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        List<Cidr> networks = system.networks();
        for (int i = 0; i < networks.size(); i++) {
            Cidr network = networks.get(i);
            if (network.hasHostBits()) {
                String cleared = AddressSpace.networkText(network);
                findings.atValue(Code.NETWORKS_HOST_BITS, Pointers.of("networks", i),
                        "network " + network + " has host bits set: Postfix cannot read it, and answers every "
                                + "recipient with 451 4.3.0 Temporary lookup failure",
                        "write " + cleared + ", or the single host as " + network.written()
                                + (network.isIpv6() ? "/128" : "/32"));
            }
        }
    }
}
