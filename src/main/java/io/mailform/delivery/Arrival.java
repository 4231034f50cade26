package io.mailform.delivery;

import java.util.Comparator;
import java.util.Optional;

/**
 * One copy of a message for one recipient at one place: what the ledger counts. A copy in a sink carries how it
 * left: the SMTP AUTH login (if any) and whether it went over TLS. A bounce is the server's report about the
 * message, sent to its sender.
 *
 * @param recipient the envelope recipient at a sink; the account at a mailbox
 */
public record Arrival(Kind kind, Place place, String recipient, Optional<String> login, boolean tls) {
    public static final Comparator<Arrival> ORDER = Comparator.comparing(Arrival::kind)
            .thenComparing(Arrival::place).thenComparing(Arrival::recipient)
            .thenComparing(arrival -> arrival.login().orElse("")).thenComparing(Arrival::tls);

    public enum Kind {
        MESSAGE,
        BOUNCE
    }

    public static Arrival inMailbox(Kind kind, String account) {
        return new Arrival(kind, new Place.Mailbox(account), account, Optional.empty(), false);
    }

    public static Arrival inSink(Kind kind, String sink, String recipient, Optional<String> login, boolean tls) {
        return new Arrival(kind, new Place.Sink(sink), recipient, login, tls);
    }

    /** {@code alice's mailbox}, {@code sink direct for friend@remote.example (TLS, login example-org)}. */
    public String text() {
        String what = kind == Kind.BOUNCE ? "bounce in " : "";
        if (place instanceof Place.Mailbox mailbox) {
            return what + "mailbox " + mailbox.account();
        }
        StringBuilder text = new StringBuilder(what + place.text() + " for " + recipient);
        if (tls || login.isPresent()) {
            text.append(" (").append(tls ? "TLS" : "no TLS");
            login.ifPresent(name -> text.append(", login ").append(name));
            text.append(')');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
