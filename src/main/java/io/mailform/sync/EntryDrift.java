package io.mailform.sync;

import io.mailform.diag.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An aliases file or lookup table entry by entry: entries missing on the host, entries whose value differs, and
 * entries only the host has. The values of a secret table (relay passwords) are never shown.
 */
record EntryDrift(Code code, String path, boolean secret, String separator, UnaryOperator<String> pointerOf) {
    /**
     * @param separator what stands between key and value when an entry is quoted: {@code ": "} for aliases
     * @param pointerOf the node responsible for the entry with this (case-folded) key
     */
    List<Difference> compare(Map<String, SourceEntry> described, Map<String, SourceEntry> installed) {
        List<Difference> differences = new ArrayList<>();
        described.forEach((folded, want) -> {
            SourceEntry have = installed.get(folded);
            if (have == null) {
                differences.add(difference(folded, path + " has no entry " + want.key() + "; the description gives "
                        + shown(want)));
            } else if (!want.sameAs(have)) {
                differences.add(difference(folded, secret
                        ? path + " has other credentials for " + want.key() + " than the description (not shown)"
                        : path + " has " + shown(have) + "; the description gives " + shown(want)));
            }
        });
        installed.forEach((folded, have) -> {
            if (!described.containsKey(folded)) {
                differences.add(difference(folded, path + " has " + shown(have) + ", which the description does not"));
            }
        });
        return differences;
    }

    private Difference difference(String foldedKey, String text) {
        String pointer = pointerOf.apply(foldedKey);
        String key = Keys.readable(pointer);
        return new Difference(code, pointer, code == Code.DRIFT_ALIAS, key + ": " + text,
                "install the compiled description (sh install.sh), or change " + key + " to what the host has");
    }

    private String shown(SourceEntry entry) {
        return secret ? entry.key() + " (credentials not shown)" : entry.key() + separator + entry.value();
    }
}
