package io.mailform.model;

import java.util.List;

/** {@code inet_interfaces}: where the SMTP server listens. */
public sealed interface Interfaces permits Interfaces.All, Interfaces.LoopbackOnly, Interfaces.Addresses {
    String postfixValue();

    record All() implements Interfaces {
        @Override
        public String postfixValue() {
            return "all";
        }
    }

    record LoopbackOnly() implements Interfaces {
        @Override
        public String postfixValue() {
            return "loopback-only";
        }
    }

    record Addresses(List<IpAddress> addresses) implements Interfaces {
        public Addresses {
            addresses = List.copyOf(addresses);
        }

        @Override
        public String postfixValue() {
            return String.join(", ", addresses.stream().map(IpAddress::text).toList());
        }
    }
}
