package io.mailform.runtime.postfix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mailform.runtime.postfix.SandboxRouting.TransportNextHop;

/**
 * The compiled lookup tables with every next hop replaced by its capture sink, the same way in each: the values of
 * the transport map, and the keys of sasl_passwd and tls_policy, which Postfix looks up by the next hop as relayhost
 * and the transport map write it. So which domain goes where, with which login and which TLS level, is still decided
 * by the compiled files; only the host at the end is the sink.
 */
final class SandboxTables {
    static final String TRANSPORT = "transport";
    static final String SASL_PASSWD = "sasl_passwd";
    static final String TLS_POLICY = "tls_policy";

    /** The rewritten tables by file name, and each entry that changed. */
    record Rewritten(Map<String, String> tables, List<TableChange> changes) {
        Rewritten {
            tables = Map.copyOf(tables);
            changes = List.copyOf(changes);
        }
    }

    private SandboxTables() {
    }

    /**
     * @param compiled the compiled tables present, by file name
     * @param sinkPorts each sink's port by name
     */
    static Rewritten rewrite(Map<String, LookupTable> compiled, SandboxRouting routing,
            Map<String, Integer> sinkPorts) {
        Map<String, String> tables = new LinkedHashMap<>();
        List<TableChange> changes = new ArrayList<>();
        Optional.ofNullable(compiled.get(TRANSPORT)).ifPresent(table -> {
            List<LookupTable.Change> changed = new ArrayList<>();
            tables.put(TRANSPORT, table.withValues(value -> transportValue(value, routing, sinkPorts), changed)
                .render());
            changed.forEach(change -> changes.add(new TableChange(TRANSPORT, change.key(), change.before(),
                change.after(), "the sandbox: mail for " + change.key() + " goes to the capture sink "
                    + routing.transportNextHops().get(change.before()).sinkName())));
        });
        Map<String, String> byNextHop = new HashMap<>();
        for (NextHop hop : routing.nextHops()) {
            byNextHop.put(hop.written(), NextHop.ofSink(sinkPorts.get(hop.sinkName())));
        }
        for (String name : List.of(SASL_PASSWD, TLS_POLICY)) {
            Optional.ofNullable(compiled.get(name)).ifPresent(table -> {
                List<LookupTable.Change> changed = new ArrayList<>();
                tables.put(name, table.withKeys(key -> byNextHop.getOrDefault(key, key), changed).render());
                changed.forEach(change -> changes.add(new TableChange(name, change.key(), change.before(),
                    change.after(), "the sandbox: the same next hop as in relayhost and the transport map, so that "
                        + "the entry for " + change.before() + " still applies to its capture sink")));
            });
        }
        return new Rewritten(tables, changes);
    }

    private static String transportValue(String value, SandboxRouting routing, Map<String, Integer> sinkPorts) {
        TransportNextHop hop = routing.transportNextHops().get(value);
        return hop == null ? value : hop.transport() + ":" + NextHop.ofSink(sinkPorts.get(hop.sinkName()));
    }
}
