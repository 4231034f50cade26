package io.mailform.scenario;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a case sends: one SMTP transaction, {@code repeat} times in a row.
 *
 * @param size the whole message in bytes; empty for a short message
 */
public record Send(ClientChoice client, String helo, Optional<String> login, String from, List<String> to,
        OptionalLong size, int repeat) {
    public static final String DEFAULT_HELO = "client.example";

    public Send {
        to = List.copyOf(to);
        if (to.isEmpty() || repeat < 1) {
            throw new IllegalArgumentException("a case sends to at least one recipient, at least once");
        }
    }
}
