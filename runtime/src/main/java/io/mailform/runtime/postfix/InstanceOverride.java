package io.mailform.runtime.postfix;

/**
 * One way a private instance differs from the compiled configuration, with the reason. Only what a private instance
 * on loopback needs is changed; which domain is delivered where, with which login and TLS level, stays as compiled.
 */
public sealed interface InstanceOverride permits Setting, ServiceChange, TableChange {
    /** The file changed: {@code main.cf}, {@code master.cf} or a lookup table's name. */
    String file();

    /** What was changed, as it reads in the file. */
    String change();

    String reason();

    /** One line for people: {@code file: change (reason)}. */
    default String describe() {
        return file() + ": " + change() + " (" + reason() + ")";
    }
}
