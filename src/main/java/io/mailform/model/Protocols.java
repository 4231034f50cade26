package io.mailform.model;

/** {@code inet_protocols}. */
public enum Protocols {
    ALL("all"),
    IPV4("ipv4"),
    IPV6("ipv6");

    private final String key;

    Protocols(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean allowsIpv4() {
        return this != IPV6;
    }

    public boolean allowsIpv6() {
        return this != IPV4;
    }

    public static Protocols fromKey(String key) {
        for (Protocols value : values()) {
            if (value.key.equals(key)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown protocols " + key);
    }
}
