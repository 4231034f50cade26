package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.model.Relay;
import io.mailform.model.Route;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;

/** A relay or route whose next hop is this host's own SMTP server sends mail in a circle until it bounces. */
final class RelayLoop implements Rule {
    /** Where Postfix's SMTP server listens; a next hop on another port is some other service on this host. */
    private static final int SMTP_PORT = 25;

    @Override
    public Reads reads() {
        return Reads.whole(Part.RELAY).andEach(Part.ROUTES).and(ThisHost.OWN_NAMES_AND_ADDRESSES);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        ThisHost host = ThisHost.of(system);
        system.relay().ifPresent(relay -> check(host, relay, "relay host " + relay.host().text() + " is",
                Pointers.of("relay", "host"), findings));
        for (Route route : system.routes()) {
            check(host, route.relay(), "the route for " + route.domain() + " goes to " + route.relay().host().text()
                    + ", which is", Pointers.of("routes", route.key(), "host"), findings);
        }
    }

    private static void check(ThisHost host, Relay relay, String subject, String pointer, Findings findings) {
        // A tunnel or filter on a loopback port (e.g. [127.0.0.1]:10025) is a common, deliberate next hop.
        if (relay.port().isPresent() && relay.port().getAsInt() != SMTP_PORT) {
            return;
        }
        host.whyThisHost(relay.host()).ifPresent(reason -> findings.atValue(Code.RELAY_LOOP, pointer,
                subject + " " + reason + ": mail sent there comes back here and loops",
                "name another mail server (such as your provider's smarthost), or give the port of the local service"
                        + " it should reach, e.g. port: 10025"));
    }
}
