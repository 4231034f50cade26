package io.mailform.scenario;

import java.util.List;
import java.util.Optional;

/**
 * Copies a case expects to leave through one next hop: {@code via} is {@code smarthost}, {@code direct} or a routed
 * domain; {@code login} and {@code tls} are checked only when given ({@code login: none}: no login at all).
 */
public record RelayedCopies(String via, List<String> to, Optional<String> login, Optional<Boolean> tls,
        String pointer) {
    public static final String NO_LOGIN = "none";

    public RelayedCopies {
        to = List.copyOf(to);
    }
}
