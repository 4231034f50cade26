package io.mailform.delivery;

import java.util.Locale;

/** The SMTP commands of one transaction that a server may refuse, in the order a client sends them. */
public enum Stage {
    MAIL,
    RCPT,
    DATA;

    /** The name in scenario files and reports: {@code mail}, {@code rcpt}, {@code data}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
