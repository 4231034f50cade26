package io.mailform.scenario;

import io.mailform.model.IpAddress;

/** Where a case's client connects from: inside or outside the description's networks, or a given address. */
public sealed interface ClientChoice {
    /** A client on the test host itself, the default. */
    ClientChoice LOCALHOST = new At(IpAddress.parse("127.0.0.1").orElseThrow());

    String text();

    record Inside() implements ClientChoice {
        @Override
        public String text() {
            return "inside";
        }
    }

    record Outside() implements ClientChoice {
        @Override
        public String text() {
            return "outside";
        }
    }

    record At(IpAddress address) implements ClientChoice {
        @Override
        public String text() {
            return address.text();
        }
    }
}
