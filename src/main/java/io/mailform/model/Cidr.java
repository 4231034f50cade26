package io.mailform.model;

import java.util.Optional;

/**
 * A network in CIDR notation; IPv6 is written without brackets in the YAML and gets them only in main.cf. The
 * address keeps its spelling ({@code written}) so that main.cf says what the user wrote; comparisons use the bytes.
 */
public record Cidr(IpAddress address, int prefix, String written) {
    public Cidr {
        int bits = address.bytes().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix /" + prefix + " out of range for " + address);
        }
    }

    /** {@code 192.0.2.0/24}, {@code 2001:db8::/32}; a bare address is a host network (/32 or /128). */
    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        Optional<IpAddress> address = IpAddress.parse(addressText);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().isIpv6() ? 128 : 32;
        int prefix = bits;
        if (slash >= 0) {
            String prefixText = text.substring(slash + 1);
            if (!prefixText.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(prefixText);
            if (prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cidr(address.get(), prefix, addressText));
    }

    public boolean isIpv6() {
        return address.isIpv6();
    }

    /** True if bits beyond the prefix are set, as in {@code 192.0.2.1/24}. */
    public boolean hasHostBits() {
        return !network().address.equals(address);
    }

    /** The same prefix with host bits cleared. */
    public Cidr network() {
        byte[] raw = address.bytes();
        for (int bit = prefix; bit < raw.length * 8; bit++) {
            raw[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        IpAddress cleared = new IpAddress(raw);
        return new Cidr(cleared, prefix, cleared.text());
    }

    /** True if every address of {@code other} is in this network. */
    public boolean contains(Cidr other) {
        if (other.isIpv6() != isIpv6() || other.prefix < prefix) {
            return false;
        }
        return new Cidr(other.address, prefix, other.written).network().address.equals(network().address);
    }

    /** True for the same network written either way ({@code 10.0.0.0/8} and {@code 10.0.0.0/8}). */
    public boolean sameNetworkAs(Cidr other) {
        return prefix == other.prefix && address.equals(other.address);
    }

    /** As in the YAML: {@code 2001:db8::/32}. */
    public String text() {
        return written + "/" + prefix;
    }

    /** As in main.cf's mynetworks: {@code [2001:db8::]/32}. */
    public String postfixText() {
        return isIpv6() ? "[" + written + "]/" + prefix : text();
    }

    @Override
    public String toString() {
        return text();
    }
}
