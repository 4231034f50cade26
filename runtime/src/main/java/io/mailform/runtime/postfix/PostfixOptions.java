package io.mailform.runtime.postfix;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * How to start a private Postfix instance.
 *
 * @param system a YAML description, compiled for every target at start, or the directory {@code mailform compile -o
 *     DIR} wrote, whose {@code DIR/postfix} the instance runs
 * @param smtpPort the SMTP port on 127.0.0.1; empty: a free one
 * @param warnings where the compiler's warnings about a description go
 */
public record PostfixOptions(Path system, OptionalInt smtpPort, PrintStream warnings) {
    public static PostfixOptions of(Path system) {
        return new PostfixOptions(system, OptionalInt.empty(), System.err);
    }
}
