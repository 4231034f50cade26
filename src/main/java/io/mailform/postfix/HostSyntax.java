package io.mailform.postfix;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Postfix's syntax checks for host names and addresses (valid_hostname, valid_ipv4_hostaddr, valid_ipv6_hostaddr and
 * valid_mailhost_literal in Postfix's util and global libraries), which decide what an SMTP server answers with
 * "Bad ... syntax". Postfix is more lenient than DNS here: underscores and numeric labels are allowed, a name made of
 * digits and dots only is not.
 */
public final class HostSyntax {
    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 255;
    private static final String IPV6_PREFIX = "ipv6:";

    private HostSyntax() {
    }

    /** A host name as Postfix's valid_hostname accepts it. */
    public static boolean isHostname(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return false;
        }
        int labelLength = 0;
        boolean nonNumeric = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean last = i == name.length() - 1;
            if (isAsciiLetterOrDigit(c) || c == '_') {
                labelLength++;
                nonNumeric |= !Character.isDigit(c);
            } else if (c == '.') {
                if (labelLength == 0 || last) {
                    return false;
                }
                labelLength = 0;
            } else if (c == '-') {
                nonNumeric = true;
                labelLength++;
                if (labelLength == 1 || last || name.charAt(i + 1) == '.') {
                    return false;
                }
            } else {
                return false;
            }
            if (labelLength > MAX_LABEL) {
                return false;
            }
        }
        return nonNumeric;
    }

    /**
     * A host name as Postfix's valid_utf8_hostname accepts it with SMTPUTF8 on (every description's compatibility
     * level): a name outside ASCII counts when its IDNA form (A-labels) is a valid host name.
     */
    public static boolean isUtf8Hostname(String name) {
        if (name.chars().allMatch(c -> c < 128)) {
            return isHostname(name);
        }
        try {
            return isHostname(IDN.toASCII(name, IDN.ALLOW_UNASSIGNED));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A dotted quad as Postfix's valid_ipv4_hostaddr accepts it: four octets up to 255, no 0.x.y.z but 0.0.0.0. */
    public static boolean isIpv4Address(String address) {
        int octets = 0;
        int value = 0;
        boolean inOctet = false;
        int firstOctet = -1;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!inOctet) {
                    inOctet = true;
                    value = 0;
                    octets++;
                }
                value = value * 10 + (c - '0');
                if (value > 255) {
                    return false;
                }
            } else if (c == '.') {
                if (!inOctet || i == address.length() - 1) {
                    return false;
                }
                if (octets == 1) {
                    firstOctet = value;
                }
                inOctet = false;
            } else {
                return false;
            }
        }
        if (octets != 4) {
            return false;
        }
        return firstOctet != 0 || address.chars().allMatch(c -> c == '0' || c == '.');
    }

    /** An IPv6 address in text form, with or without an IPv4 tail; no zone, no brackets. */
    public static boolean isIpv6Address(String address) {
        if (address.isEmpty() || address.indexOf(':') < 0
                || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return false;
        }
        try {
            // Only hex digits, colons and dots: the JDK parses this as a literal and never asks DNS.
            InetAddress.getByName(address);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * An address as Postfix's valid_mailhost_addr accepts it: a dotted quad, or an IPv6 address after the prefix
     * {@code IPv6:} (in any case). Bare IPv6 is not an address here, as in SMTP.
     */
    public static boolean isMailhostAddress(String address) {
        if (address.toLowerCase(Locale.ROOT).startsWith(IPV6_PREFIX)) {
            return isIpv6Address(address.substring(IPV6_PREFIX.length()));
        }
        return isIpv4Address(address);
    }

    /** An address literal as in {@code user@[192.0.2.1]} or {@code user@[IPv6:2001:db8::1]}. */
    public static boolean isMailhostLiteral(String domain) {
        return domain.length() > 2 && domain.startsWith("[") && domain.endsWith("]")
                && isMailhostAddress(domain.substring(1, domain.length() - 1));
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
