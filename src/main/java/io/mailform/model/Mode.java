package io.mailform.model;

/** Debian's operating modes for Postfix, as the installer names them. */
public enum Mode {
    /** No configuration. */
    NONE("none"),
    /** Internet Site. */
    INTERNET_SITE("internet-site"),
    /** Internet with smarthost. */
    INTERNET_SMARTHOST("internet-smarthost"),
    /** Satellite system. */
    SATELLITE("satellite"),
    /** Local only. */
    LOCAL_ONLY("local-only");

    private final String key;

    Mode(String key) {
        this.key = key;
    }

    /** The value of {@code mode} in the YAML. */
    public String key() {
        return key;
    }

    public boolean needsRelay() {
        return this == INTERNET_SMARTHOST || this == SATELLITE;
    }

    public boolean forbidsRelay() {
        return this == INTERNET_SITE || this == LOCAL_ONLY;
    }

    public static Mode fromKey(String key) {
        for (Mode mode : values()) {
            if (mode.key.equals(key)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode " + key);
    }
}
