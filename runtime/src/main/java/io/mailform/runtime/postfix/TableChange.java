package io.mailform.runtime.postfix;

/**
 * An entry of a compiled lookup table (transport, sasl_passwd, tls_policy) whose key or value the sandbox rewrites:
 * a next hop replaced by the capture sink standing in for it.
 *
 * @param table the table's file name
 * @param entry the entry's key as compiled
 * @param before the key or value as compiled
 * @param after as the instance has it
 */
public record TableChange(String table, String entry, String before, String after, String reason)
        implements InstanceOverride {
    @Override
    public String file() {
        return table;
    }

    @Override
    public String change() {
        return before.equals(entry) ? "key " + before + " -> " + after : entry + " " + before + " -> " + after;
    }
}
