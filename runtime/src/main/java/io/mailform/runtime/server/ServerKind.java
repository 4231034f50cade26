package io.mailform.runtime.server;

import java.util.Locale;

/** The servers a compiled description runs on. */
public enum ServerKind {
    /** Apache James 3.8.1, the bundled runtime. */
    JAMES,
    /** A private instance of the host's Postfix. */
    POSTFIX;

    /** The name on the command line and in reports: {@code james}, {@code postfix}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
