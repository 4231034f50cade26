package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.model.Route;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.OptionalInt;

/** A domain delivered here and also routed elsewhere: one of the two is a mistake, and mail goes one way only. */
final class DestinationRouted implements Rule {
    @Override
    public Reads reads() {
        return Reads.each(Part.ROUTES).and(ThisHost.LOCAL_DOMAINS);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        ThisHost host = ThisHost.of(system);
        for (Route route : system.routes()) {
            OptionalInt index = host.destinationIndex(route.domain());
            if (index.isEmpty()) {
                continue;
            }
            String destination = Pointers.of("destinations", index.getAsInt());
            String where = findings.isWritten(destination)
                    ? "in destinations (line " + findings.positionOf(destination).line() + ")"
                    : "in the default destinations of mode " + system.mode().key();
            findings.atKey(Code.DESTINATION_ROUTED, Pointers.of("routes", route.key()),
                    route.domain() + " is routed to " + route.relay().host().text() + " but is also " + where
                            + ": a domain is either delivered here or sent on, not both",
                    "remove the route to deliver " + route.domain() + " on this host, or list destinations without it"
                            + " to send its mail to " + route.relay().host().text());
        }
    }
}
