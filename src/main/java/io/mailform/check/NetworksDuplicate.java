package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Cidr;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A network listed twice, or inside a larger one that is listed too, adds nothing and hides what was meant. Each
 * network is reported once, naming the first network in the list that covers it. The networks that could cover one
 * are those with one of its prefixes (at most 33 or 129), so each network is looked up by each of its prefixes in a
 * table of the listed ones: linear in the number of networks, not quadratic.
 */
final class NetworksDuplicate implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.NETWORKS);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        List<Cidr> networks = system.networks();
        // The first index of each listed network, keyed by family, prefix and network address. An open relay covers
        // everything, and is an error of its own, so it covers nothing here.
        Map<String, Integer> first = new HashMap<>();
        for (int j = 0; j < networks.size(); j++) {
            Cidr other = networks.get(j).network();
            if (!AddressSpace.isOpenRelay(other)) {
                first.putIfAbsent(key(other.address().bytes(), other.prefix()), j);
            }
        }
        for (int i = 0; i < networks.size(); i++) {
            Cidr network = networks.get(i).network();
            byte[] address = network.address().bytes();
            int covering = -1;
            boolean repeated = false;
            Integer same = first.get(key(address, network.prefix()));
            if (same != null && same < i) {
                covering = same;
                repeated = true;
            }
            for (int prefix = 0; prefix < network.prefix(); prefix++) {
                Integer larger = first.get(key(masked(address, prefix), prefix));
                if (larger != null && (covering < 0 || larger < covering)) {
                    covering = larger;
                    repeated = false;
                }
            }
            if (covering >= 0) {
                int line = findings.positionOf(Pointers.of("networks", covering)).line();
                findings.atValue(Code.NETWORKS_DUPLICATE, Pointers.of("networks", i),
                        "network " + networks.get(i) + (repeated ? " is listed twice" : " lies inside "
                                + networks.get(covering)) + " (line " + line + ")",
                        "remove " + networks.get(i) + "; " + networks.get(covering) + " already covers it");
            }
        }
    }

    /** The address with every bit from {@code prefix} on cleared, as {@link Cidr#network()} clears them. */
    private static byte[] masked(byte[] address, int prefix) {
        byte[] raw = address.clone();
        for (int bit = prefix; bit < raw.length * 8; bit++) {
            raw[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return raw;
    }

    /** The family (by the address length), the prefix and the network address, as one string. */
    private static String key(byte[] network, int prefix) {
        return prefix + "/" + new String(network, StandardCharsets.ISO_8859_1);
    }
}
