package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Cidr;
import io.mailform.model.Interfaces;
import io.mailform.model.IpAddress;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.model.Protocols;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;

/** An address of a protocol that {@code protocols} turns off is dead: Postfix never sees traffic on it. */
final class ProtocolMismatch implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.PROTOCOLS).andEach(Part.NETWORKS, Part.INTERFACES);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        Protocols protocols = system.protocols();
        List<Cidr> networks = system.networks();
        for (int i = 0; i < networks.size(); i++) {
            String pointer = Pointers.of("networks", i);
            // Debian's default networks list IPv6 loopback whatever the protocols; only what the user wrote counts.
            if (findings.isWritten(pointer) && !allows(protocols, networks.get(i).isIpv6())) {
                report(findings, pointer, "network " + networks.get(i), networks.get(i).isIpv6(), protocols);
            }
        }
        if (system.interfaces() instanceof Interfaces.Addresses listening) {
            List<IpAddress> addresses = listening.addresses();
            for (int i = 0; i < addresses.size(); i++) {
                if (!allows(protocols, addresses.get(i).isIpv6())) {
                    report(findings, Pointers.of("interfaces", i), "interface address " + addresses.get(i),
                            addresses.get(i).isIpv6(), protocols);
                }
            }
        }
    }

    private static boolean allows(Protocols protocols, boolean ipv6) {
        return ipv6 ? protocols.allowsIpv6() : protocols.allowsIpv4();
    }

    private static void report(Findings findings, String pointer, String what, boolean ipv6, Protocols protocols) {
        String family = ipv6 ? "IPv6" : "IPv4";
        findings.atValue(Code.PROTOCOL_MISMATCH, pointer,
                what + " is " + family + ", but protocols: " + protocols.key() + " turns " + family
                        + " off, so this entry never applies",
                "remove it, or set protocols: all");
    }
}
