package io.mailform.emit.postfix;

import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Relay;
import io.mailform.model.Route;
import io.mailform.model.TlsLevel;
import io.mailform.postfix.ClientTls;
import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.List;

/**
 * The TLS policy table: a route whose {@code tls} level differs from the global {@code smtp_tls_security_level}
 * gets an entry keyed by its next hop exactly as the transport table names it ({@code [host]:port}), which is the
 * key Postfix looks up for mail sent through that transport entry.
 */
final class TlsPolicyMap {
    private TlsPolicyMap() {
    }

    static List<MapEntry> entries(MailSystem system) {
        List<MapEntry> entries = new ArrayList<>();
        if (system.mode() == Mode.NONE) {
            return entries;
        }
        TlsLevel global = ClientTls.effective(system);
        for (Route route : system.routes()) {
            Relay relay = route.relay();
            if (relay.tls() != global) {
                entries.add(new MapEntry(relay.postfixNextHop(), relay.tls().key(),
                        Pointers.child(RelayAt.pointer(route), "tls")));
            }
        }
        return entries;
    }
}
