package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Destination;
import io.mailform.model.DomainName;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Part;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;

/**
 * A satellite sends its mail to the relay; if its mail name is also a destination, mail for user@mailname stays in
 * local mailboxes nobody reads, which Debian's description of the Satellite mode warns against. Debian's own default
 * destinations do this when the hostname does not lie within the mail name: that gets the warning too.
 */
final class SatelliteLocalMailName implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.MODE, Part.MAIL_NAME).and(ThisHost.LOCAL_DOMAINS);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        if (system.mode() != Mode.SATELLITE || system.mailName().isEmpty()) {
            return;
        }
        DomainName mailName = system.mailName().get();
        ThisHost host = ThisHost.of(system);
        List<Destination> destinations = system.destinations();
        for (int i = 0; i < destinations.size(); i++) {
            Destination destination = destinations.get(i);
            if (host.domainOf(destination).filter(mailName::equals).isEmpty()) {
                continue;
            }
            String via = destination instanceof Destination.MyHostname ? " (through $myhostname)" : "";
            String pointer = Pointers.of("destinations", i);
            if (findings.isWritten(pointer)) {
                findings.atValue(Code.SATELLITE_LOCAL_MAIL_NAME, pointer,
                        "this satellite keeps mail for its mail name " + mailName + " local" + via
                                + " instead of sending it to the relay",
                        "remove this entry from destinations");
            } else {
                findings.atValue(Code.SATELLITE_LOCAL_MAIL_NAME, Pointers.of("mail_name"),
                        "Debian's default destinations for a satellite include the mail name " + mailName + via
                                + ", so its mail stays local instead of going to the relay",
                        "write destinations without it, e.g. destinations: [localhost], or give the host a name of"
                                + " its own below the mail name, such as host." + mailName);
            }
            return;
        }
    }
}
