package io.mailform.model;

import java.util.ArrayList;
import java.util.List;

/** The values Debian's installer computes when a question is left unanswered. */
public final class Defaults {
    public static final List<String> NETWORKS = List.of("127.0.0.0/8", "::ffff:127.0.0.0/104", "::1/128");
    public static final String RECIPIENT_DELIMITER = "+";

    private Defaults() {
    }

    /**
     * Debian's {@code mydestination} formula (config script, §4.4 of the reference), with hostname H, its domain
     * D and mail name M. Debian's Internet-Site variant joins an empty element when M equals H; that element is
     * left out here, which Postfix treats the same.
     */
    public static List<Destination> destinations(Mode mode, DomainName hostname, DomainName mailName) {
        List<Destination> result = new ArrayList<>();
        String host = hostname.value();
        int dot = host.indexOf('.');
        DomainName localhostInDomain = new DomainName("localhost." + (dot < 0 ? "localdomain" : host.substring(dot + 1)));
        DomainName localhost = new DomainName("localhost");
        if (mode == Mode.INTERNET_SITE) {
            result.add(new Destination.MyHostname());
            result.add(new Destination.Domain(mailName));
            if (!mailName.equals(hostname)) {
                result.add(new Destination.Domain(hostname));
            }
        } else {
            if (!hostname.isWithin(mailName)) {
                result.add(new Destination.Domain(mailName));
            }
            result.add(new Destination.MyHostname());
            result.add(new Destination.Domain(hostname));
        }
        result.add(new Destination.Domain(localhostInDomain));
        result.add(new Destination.Domain(localhost));
        return result;
    }

    /** Satellite and local-only systems listen on loopback only; the others on every interface. */
    public static Interfaces interfaces(Mode mode) {
        return mode == Mode.SATELLITE || mode == Mode.LOCAL_ONLY ? new Interfaces.LoopbackOnly() : new Interfaces.All();
    }
}
