package io.mailform.model;

/** Debian's operating modes for Postfix, as the installer names them. */
public enum Mode {
    NONE("none", "No configuration"),
    INTERNET_SITE("internet-site", "Internet Site"),
    INTERNET_SMARTHOST("internet-smarthost", "Internet with smarthost"),
    SATELLITE("satellite", "Satellite system"),
    LOCAL_ONLY("local-only", "Local only");

    private final String key;
    private final String debianName;

    Mode(String key, String debianName) {
        this.key = key;
        this.debianName = debianName;
    }

    /** The value of {@code mode} in the YAML. */
    public String key() {
        return key;
    }

    /** The label of the mode in Debian's installer. */
    public String debianName() {
        return debianName;
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
