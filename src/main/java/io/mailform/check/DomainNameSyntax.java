package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Destination;
import io.mailform.model.DomainName;
import io.mailform.model.IpAddress;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.model.RelayHost;
import io.mailform.model.Route;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;
import java.util.Optional;

/**
 * Domain names that are no host names. An IP address written where Postfix wants a domain (hostname, mail_name,
 * destinations, a routed domain) is read as a name: mydestination then matches nothing, and local senders become
 * user@192.0.2.1. A name whose top label is all digits (1.2.3.999) is neither an address nor a host name: Postfix
 * refuses names made of digits and dots, and no top-level domain is numeric (RFC 3696, 2).
 */
final class DomainNameSyntax implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.HOSTNAME, Part.MAIL_NAME, Part.RELAY).andEach(Part.DESTINATIONS, Part.ROUTES);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        system.hostname().ifPresent(name -> checkDomain(name, Pointers.of("hostname"), "hostname", findings));
        system.mailName().ifPresent(name -> checkDomain(name, Pointers.of("mail_name"), "mail_name", findings));
        // Debian's default destinations repeat the host and mail names, which are reported where they are written.
        List<Destination> destinations = findings.isWritten(Pointers.of("destinations")) ? system.destinations()
                : List.of();
        for (int i = 0; i < destinations.size(); i++) {
            if (destinations.get(i) instanceof Destination.Domain domain) {
                checkDomain(domain.name(), Pointers.of("destinations", i), "a destination", findings);
            }
        }
        system.relay().ifPresent(relay -> checkHost(relay.host(), Pointers.of("relay", "host"), findings));
        for (Route route : system.routes()) {
            checkDomain(route.domain(), Pointers.of("routes", route.key()), "a routed domain", findings);
            checkHost(route.relay().host(), Pointers.of("routes", route.key(), "host"), findings);
        }
    }

    private static void checkDomain(DomainName name, String pointer, String what, Findings findings) {
        Optional<IpAddress> address = IpAddress.parse(name.value());
        if (address.isPresent()) {
            findings.atValue(Code.NAME_IS_ADDRESS, pointer, what + " \"" + name + "\" is an IP address, where "
                    + "Postfix wants a domain name: it compares it with names and never with addresses",
                    "write the domain name the address belongs to, e.g. mail.example.com");
            return;
        }
        checkTopLabel(name, pointer, findings);
    }

    private static void checkHost(RelayHost host, String pointer, Findings findings) {
        if (host instanceof RelayHost.Name name) {
            checkTopLabel(name.name(), pointer, findings);
        }
    }

    private static void checkTopLabel(DomainName name, String pointer, Findings findings) {
        String value = name.value();
        String top = value.substring(value.lastIndexOf('.') + 1);
        if (top.chars().allMatch(Character::isDigit)) {
            findings.atValue(Code.NAME_NUMERIC_TOP_LABEL, pointer, "\"" + name + "\" is no host name: its top label "
                    + "\"" + top + "\" is all digits, and it is no IP address either",
                    "write a host name such as smtp.example.net, or a valid IPv4 address (each part 0 to 255)");
        }
    }
}
