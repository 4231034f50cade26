package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Cidr;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;

/** A public network in {@code networks} may be right (a hosted office range) but often is a typo of a private one. */
final class NetworksPublic implements Rule {
    @Override
    public Reads reads() {
        return Reads.each(Part.NETWORKS);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        List<Cidr> networks = system.networks();
        for (int i = 0; i < networks.size(); i++) {
            Cidr network = networks.get(i);
            // An open relay is already an error; saying it is also public adds nothing.
            if (AddressSpace.isPublic(network) && !AddressSpace.isOpenRelay(network)) {
                findings.atValue(Code.NETWORKS_PUBLIC, Pointers.of("networks", i),
                        "network " + network + " is public: every host in it may relay mail through this host",
                        "make sure you control all of " + network + "; otherwise list only loopback and private"
                                + " networks (such as 10.0.0.0/8, 192.168.0.0/16, fc00::/7)");
            }
        }
    }
}
