package io.mailform.emit.postfix;

import io.mailform.model.MailSystem;
import io.mailform.model.Relay;
import io.mailform.model.Route;
import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.List;

/** A relay of the description with the YAML node that defines it: {@code /relay} or {@code /routes/<domain>}. */
record RelayAt(Relay relay, String pointer) {
    /** The smarthost first, then the routes in the order written. */
    static List<RelayAt> all(MailSystem system) {
        List<RelayAt> all = new ArrayList<>();
        system.relay().ifPresent(relay -> all.add(new RelayAt(relay, Pointers.of("relay"))));
        for (Route route : system.routes()) {
            all.add(new RelayAt(route.relay(), pointer(route)));
        }
        return all;
    }

    static String pointer(Route route) {
        return Pointers.of("routes", route.key());
    }

    String child(String key) {
        return Pointers.child(pointer, key);
    }
}
