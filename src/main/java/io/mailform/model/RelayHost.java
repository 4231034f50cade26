package io.mailform.model;

/** The next hop of a relay: a host name or an address literal. */
public sealed interface RelayHost permits RelayHost.Name, RelayHost.Address {
    /** How Postfix writes the host inside {@code [...]} or bare: IPv6 needs the {@code ipv6:} prefix. */
    String postfixHost();

    /** As written in the YAML, for messages. */
    String text();

    record Name(DomainName name) implements RelayHost {
        @Override
        public String postfixHost() {
            return name.value();
        }

        @Override
        public String text() {
            return name.value();
        }
    }

    record Address(IpAddress address) implements RelayHost {
        @Override
        public String postfixHost() {
            return address.isIpv6() ? "ipv6:" + address.text() : address.text();
        }

        @Override
        public String text() {
            return address.text();
        }
    }
}
