package io.mailform.delivery;

/**
 * Where a message can end up: a local account's mailbox, or a capture sink standing in for a next hop outside the
 * system ({@code direct} for delivery by MX lookup, {@code host:port} for a smarthost or a route).
 */
public sealed interface Place extends Comparable<Place> {
    String text();

    @Override
    default int compareTo(Place other) {
        return text().compareTo(other.text());
    }

    record Mailbox(String account) implements Place {
        @Override
        public String text() {
            return "mailbox " + account;
        }
    }

    record Sink(String name) implements Place {
        public static final String DIRECT = "direct";

        @Override
        public String text() {
            return "sink " + name;
        }
    }
}
