package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Cidr;
import io.mailform.model.MailSystem;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;

/** A network listed twice, or inside a larger one that is listed too, adds nothing and hides what was meant. */
final class NetworksDuplicate implements Rule {
    @Override
    public void check(MailSystem system, Findings findings) {
        List<Cidr> networks = system.networks();
        for (int i = 0; i < networks.size(); i++) {
            Cidr network = networks.get(i).network();
            for (int j = 0; j < networks.size(); j++) {
                Cidr other = networks.get(j).network();
                // Everything lies inside an open relay, which is an error of its own.
                if (AddressSpace.isOpenRelay(other)) {
                    continue;
                }
                boolean repeated = j < i && other.sameNetworkAs(network);
                boolean inside = j != i && other.contains(network) && !other.sameNetworkAs(network);
                if (repeated || inside) {
                    int line = findings.positionOf(Pointers.of("networks", j)).line();
                    findings.atValue(Code.NETWORKS_DUPLICATE, Pointers.of("networks", i),
                            "network " + networks.get(i) + (repeated ? " is listed twice" : " lies inside "
                                    + networks.get(j)) + " (line " + line + ")",
                            "remove " + networks.get(i) + "; " + networks.get(j) + " already covers it");
                    break;
                }
            }
        }
    }
}
