package io.mailform.runtime.server;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * How to start a mail system.
 *
 * @param system a YAML description, compiled for James at start, or the directory {@code mailform compile -o DIR}
 *     wrote, whose {@code DIR/james} the runtime reads
 * @param smtpPort the SMTP port on 127.0.0.1; empty: a free one
 * @param imapPort the IMAP port on 127.0.0.1; empty: a free one
 * @param sandbox redirect all outbound delivery to capture sinks on loopback
 */
public record RuntimeOptions(Path system, OptionalInt smtpPort, OptionalInt imapPort, boolean sandbox) {
    public static RuntimeOptions sandboxed(Path system) {
        return new RuntimeOptions(system, OptionalInt.empty(), OptionalInt.empty(), true);
    }
}
