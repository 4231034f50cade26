package io.mailform.model;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address literal, kept as bytes so that networks compare by value, not by spelling. */
public record IpAddress(byte[] bytes) {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    public IpAddress {
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes");
        }
        bytes = bytes.clone();
    }

    /** Parses a literal; never resolves a name (only text of address characters reaches InetAddress). */
    public static Optional<IpAddress> parse(String text) {
        try {
            if (IPV4.matcher(text).matches()) {
                return Optional.of(new IpAddress(InetAddress.getByName(text).getAddress()));
            }
            if (text.indexOf(':') >= 0 && IPV6.matcher(text).matches()) {
                InetAddress address = InetAddress.getByName(text);
                byte[] raw = address instanceof Inet4Address v4 ? mapped(v4.getAddress()) : address.getAddress();
                return Optional.of(new IpAddress(raw));
            }
        } catch (UnknownHostException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Java folds ::ffff:a.b.c.d into IPv4; keep it IPv6 as written. */
    private static byte[] mapped(byte[] v4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xFF;
        v6[11] = (byte) 0xFF;
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
    }

    public boolean isIpv6() {
        return bytes.length == 16;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The canonical text: dotted quad, or RFC 5952 compressed IPv6. */
    public String text() {
        try {
            InetAddress address = isIpv6() ? Inet6Address.getByAddress(null, bytes, null) : InetAddress.getByAddress(bytes);
            return isIpv6() ? compress(address.getHostAddress()) : address.getHostAddress();
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Java prints every group (1:0:0:0:0:0:0:1); compress the longest run of zero groups as RFC 5952 asks. */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            if (!groups[i].equals("0")) {
                i++;
                continue;
            }
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    public boolean isLoopback() {
        return isIpv6() ? text().equals("::1") : (bytes[0] & 0xFF) == 127;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress that && java.util.Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text();
    }
}
