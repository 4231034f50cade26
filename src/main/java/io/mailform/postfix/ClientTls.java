package io.mailform.postfix;

import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Relay;
import io.mailform.model.ServerTls;
import io.mailform.model.TlsLevel;
import java.util.Optional;

/** The TLS level of Postfix's SMTP client for every next hop that no route overrides. */
public final class ClientTls {
    private ClientTls() {
    }

    /**
     * The {@code smtp_tls_security_level} main.cf states. With a server certificate Debian writes its whole TLS
     * block, client half included, at {@code may} (or the relay's level). Without one (a machine without the
     * snakeoil pair) Debian writes no TLS line at all; the client half is then written only for a relay whose level
     * is other than none, since none is what Postfix does when main.cf says nothing. Empty: the line is absent and
     * Postfix's default applies.
     */
    public static Optional<TlsLevel> written(MailSystem system) {
        if (system.mode() == Mode.NONE) {
            return Optional.empty();
        }
        Optional<TlsLevel> relayLevel = system.relay().map(Relay::tls);
        if (system.serverTls() instanceof ServerTls.Certificate) {
            return Optional.of(relayLevel.orElse(Relay.DEFAULT_TLS));
        }
        return relayLevel.filter(level -> level != TlsLevel.NONE);
    }

    /** The level in force: Postfix's default when main.cf says nothing is no TLS at all. */
    public static TlsLevel effective(MailSystem system) {
        return written(system).orElse(TlsLevel.NONE);
    }
}
