package io.mailform.model;

/** The alias target kinds that must be opted into with {@code allow_alias_targets}. */
public enum UnsafeTarget {
    COMMAND("command"),
    FILE("file"),
    INCLUDE("include");

    private final String key;

    UnsafeTarget(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static UnsafeTarget fromKey(String key) {
        for (UnsafeTarget value : values()) {
            if (value.key.equals(key)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown alias target kind " + key);
    }
}
