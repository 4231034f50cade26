package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.model.Relay;
import io.mailform.model.Route;
import io.mailform.model.TlsLevel;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;

/** With tls below encrypt, Postfix sends the relay password over a plain connection whenever STARTTLS fails. */
final class RelayAuthWeakTls implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.RELAY).andEach(Part.ROUTES);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        system.relay().ifPresent(relay -> check(relay, "relay", Pointers.of("relay"), findings));
        for (Route route : system.routes()) {
            check(route.relay(), "the route for " + route.domain(), Pointers.of("routes", route.key()),
                    findings);
        }
    }

    private static void check(Relay relay, String what, String pointer, Findings findings) {
        if (relay.auth().isEmpty() || !relay.tls().isWeakerThan(TlsLevel.ENCRYPT)) {
            return;
        }
        String tls = Pointers.child(pointer, "tls");
        String at = findings.isWritten(tls) ? tls : Pointers.child(pointer, "auth");
        String level = relay.tls().key() + (findings.isWritten(tls) ? "" : " (the default)");
        findings.atValue(Code.RELAY_AUTH_WEAK_TLS, at,
                what + " logs in as " + relay.auth().get().username() + " with tls: " + level
                        + ", so the password may be sent unencrypted",
                "set tls: encrypt (or verify, or secure) so that Postfix logs in only over TLS");
    }
}
