package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;

/** internet-smarthost and satellite send mail through a relay host: without one they cannot send at all. */
final class RelayRequired implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.MODE, Part.RELAY);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        if (!system.mode().needsRelay() || system.relay().isPresent()) {
            return;
        }
        String mode = system.mode().key();
        findings.atValue(Code.RELAY_REQUIRED, Pointers.of("mode"),
                "mode " + mode + " sends mail through a relay host, but relay is not given",
                "add relay: {host: smtp.example.com} naming your smarthost, or use mode: internet-site to deliver"
                        + " directly, or mode: local-only to deliver local mail only");
    }
}
