package io.mailform.emit.postfix;

import io.mailform.emit.SecretReader;
import io.mailform.model.MailSystem;
import io.mailform.model.RelayAuth;
import java.util.ArrayList;
import java.util.List;

/** The SASL logins of the relay and every route, with their passwords read at compile time. */
final class RelayCredentials {
    private RelayCredentials() {
    }

    /** In description order; a login whose password cannot be read is reported by the reader and left out. */
    static List<Credentials> of(MailSystem system, SecretReader secrets) {
        List<Credentials> all = new ArrayList<>();
        for (RelayAt at : RelayAt.all(system)) {
            if (at.relay().auth().isEmpty()) {
                continue;
            }
            RelayAuth auth = at.relay().auth().get();
            String authPointer = at.child("auth");
            String passwordPointer = SecretReader.sourcePointer(authPointer, auth.password());
            secrets.read(auth.password(), passwordPointer, "the relay password").ifPresent(password -> all.add(
                    new Credentials(at.relay().postfixNextHop(), auth.username(), password, authPointer + "/username",
                            passwordPointer)));
        }
        return all;
    }
}
