package io.mailform.oracle;

import io.mailform.model.IpAddress;
import java.util.Optional;

/** The SMTP client of one session: its address and, if it logged in with SASL, its login. */
public record Client(IpAddress address, Optional<String> login) {
    public static Client at(IpAddress address) {
        return new Client(address, Optional.empty());
    }
}
