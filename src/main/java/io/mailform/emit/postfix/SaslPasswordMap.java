package io.mailform.emit.postfix;

import java.util.List;

/**
 * The SASL password table: {@code nexthop username:password}, keyed by the next hop exactly as relayhost or the
 * transport table writes it ({@code [smtp.example.net]:587}), since that is the key Postfix's SMTP client looks up.
 */
final class SaslPasswordMap {
    private SaslPasswordMap() {
    }

    static List<MapEntry> entries(List<Credentials> credentials) {
        return credentials.stream()
                .map(login -> new MapEntry(login.nextHop(), login.username() + ":" + login.password(),
                        login.passwordPointer()))
                .toList();
    }
}
