package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Part;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;

/** internet-site delivers directly and local-only does not send out at all: a relay there is a wrong mode. */
final class RelayNotAllowed implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.MODE, Part.RELAY);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        if (!system.mode().forbidsRelay() || system.relay().isEmpty()) {
            return;
        }
        String what = system.mode() == Mode.INTERNET_SITE
                ? "mode internet-site delivers mail directly and takes no relay"
                : "mode local-only delivers local mail only and takes no relay";
        findings.atKey(Code.RELAY_NOT_ALLOWED, Pointers.of("relay"), what,
                "use mode: internet-smarthost to send outgoing mail through this relay, or mode: satellite to send"
                        + " all mail to it; or remove relay");
    }
}
