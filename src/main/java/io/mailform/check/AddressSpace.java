package io.mailform.check;

import io.mailform.model.Cidr;
import io.mailform.model.IpAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a network lies in the address space, as far as relaying goes: loopback and private ranges are this site's
 * own, everything else is the Internet (documentation ranges such as 203.0.113.0/24 too: examples use them to stand
 * for public addresses). IPv4-mapped IPv6 networks ({@code ::ffff:10.0.0.0/104}) are judged as the
 * IPv4 networks they stand for; Debian's default {@code mynetworks} lists one.
 */
final class AddressSpace {
    /**
     * Shortest IPv4 prefix that is still one site's network: /8 is the largest block ever assigned to a single
     * organisation; anything shorter spans many.
     */
    static final int SHORTEST_IPV4_PREFIX = 8;
    /**
     * The IPv6 bound in the same spirit: registries hand providers a /32 by default and the largest providers hold
     * around a /19, while IANA's blocks for a whole regional registry are /12. A prefix shorter than /16 therefore
     * spans the networks of many organisations, as an IPv4 prefix shorter than /8 does.
     */
    static final int SHORTEST_IPV6_PREFIX = 16;

    private static final Cidr IPV4_MAPPED = cidr("::ffff:0:0/96");
    private static final List<Cidr> NOT_PUBLIC = Arrays.asList(
            cidr("127.0.0.0/8"), // loopback
            cidr("10.0.0.0/8"), cidr("172.16.0.0/12"), cidr("192.168.0.0/16"), // RFC 1918
            cidr("100.64.0.0/10"), // RFC 6598 shared address space (carrier-grade NAT)
            cidr("169.254.0.0/16"), // link-local
            cidr("::1/128"), // loopback
            cidr("fc00::/7"), // unique local addresses
            cidr("fe80::/10")); // link-local

    private AddressSpace() {
    }

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    /** The IPv4 network an IPv4-mapped IPv6 network stands for, if it is one. */
    static Optional<Cidr> mappedIpv4(Cidr network) {
        if (!network.isIpv6() || network.prefix() < IPV4_MAPPED.prefix() || !IPV4_MAPPED.contains(network)) {
            return Optional.empty();
        }
        byte[] v4 = Arrays.copyOfRange(network.address().bytes(), 12, 16);
        IpAddress address = new IpAddress(v4);
        return Optional.of(new Cidr(address, network.prefix() - IPV4_MAPPED.prefix(), address.text()));
    }

    private static Cidr effective(Cidr network) {
        return mappedIpv4(network).orElse(network);
    }

    /** True if the network admits so much of the Internet that allowing it to relay makes an open relay. */
    static boolean isOpenRelay(Cidr network) {
        Cidr judged = effective(network);
        if (!judged.isIpv6()) {
            return judged.prefix() < SHORTEST_IPV4_PREFIX;
        }
        if (judged.contains(IPV4_MAPPED)) {
            return true; // it holds every IPv4 client, by their mapped addresses
        }
        return judged.prefix() < SHORTEST_IPV6_PREFIX && isPublic(judged);
    }

    /** True unless the whole network lies in loopback, private or link-local space. */
    static boolean isPublic(Cidr network) {
        Cidr judged = effective(network);
        return NOT_PUBLIC.stream().noneMatch(range -> range.contains(judged));
    }

    /** 127.0.0.0/8, ::1, or an IPv4-mapped loopback address. */
    static boolean isLoopback(IpAddress address) {
        Cidr host = new Cidr(address, address.bytes().length * 8, address.text());
        return address.isLoopback() || mappedIpv4(host).filter(v4 -> v4.address().isLoopback()).isPresent();
    }

    /** {@code 0.0.0.0} or {@code ::}: connecting to it reaches this host. */
    static boolean isUnspecified(IpAddress address) {
        for (byte b : address.bytes()) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The network with host bits cleared, written as the user would: IPv4-mapped ones keep their dotted quad. */
    static String networkText(Cidr network) {
        Cidr cleared = network.network();
        return mappedIpv4(cleared)
                .map(v4 -> "::ffff:" + v4.address().text() + "/" + cleared.prefix())
                .orElse(cleared.text());
    }
}
