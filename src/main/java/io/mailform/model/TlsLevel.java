package io.mailform.model;

/** Postfix's {@code smtp_tls_security_level} values, weakest first. */
public enum TlsLevel {
    NONE("none"),
    MAY("may"),
    ENCRYPT("encrypt"),
    VERIFY("verify"),
    SECURE("secure");

    private final String key;

    TlsLevel(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** True where the password can go out over an unencrypted session. */
    public boolean isWeakerThan(TlsLevel other) {
        return compareTo(other) < 0;
    }

    public static TlsLevel fromKey(String key) {
        for (TlsLevel level : values()) {
            if (level.key.equals(key)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown TLS level " + key);
    }
}
