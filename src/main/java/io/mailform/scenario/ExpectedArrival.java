package io.mailform.scenario;

import io.mailform.delivery.Arrival;
import io.mailform.delivery.Place;
import java.util.Optional;

/**
 * One copy a case expects somewhere; how it left ({@code login}, {@code tls}) is checked only when the case says.
 * {@code login} {@value RelayedCopies#NO_LOGIN} means no login at all.
 */
public record ExpectedArrival(Arrival.Kind kind, Place place, String recipient, Optional<String> login,
        Optional<Boolean> tls) {
    public static ExpectedArrival exactly(Arrival arrival) {
        return new ExpectedArrival(arrival.kind(), arrival.place(), arrival.recipient(),
                Optional.of(arrival.login().orElse(RelayedCopies.NO_LOGIN)), Optional.of(arrival.tls()));
    }

    public boolean matches(Arrival arrival) {
        return arrival.kind() == kind && arrival.place().equals(place)
                && arrival.recipient().equalsIgnoreCase(recipient)
                && login.map(expected -> expected.equals(arrival.login().orElse(RelayedCopies.NO_LOGIN))).orElse(true)
                && tls.map(expected -> expected == arrival.tls()).orElse(true);
    }

    public String text() {
        Arrival shown = new Arrival(kind, place, recipient,
                login.filter(name -> !name.equals(RelayedCopies.NO_LOGIN)), tls.orElse(false));
        return shown.text();
    }
}
