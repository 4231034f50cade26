package io.mailform.runtime.server;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * How to start a compiled mail system.
 *
 * @param systemDirectory the directory {@code mailform compile -o DIR} wrote; the runtime reads {@code DIR/james}
 * @param smtpPort the SMTP port on 127.0.0.1; empty: a free one
 * @param imapPort the IMAP port on 127.0.0.1; empty: a free one
 * @param sandbox redirect all outbound delivery to capture sinks on loopback
 */
public record RuntimeOptions(Path systemDirectory, OptionalInt smtpPort, OptionalInt imapPort, boolean sandbox) {
    public static RuntimeOptions sandboxed(Path systemDirectory) {
        return new RuntimeOptions(systemDirectory, OptionalInt.empty(), OptionalInt.empty(), true);
    }
}
