package io.mailform.runtime.server;

import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;

import io.mailform.runtime.sandbox.CaptureSink;

/**
 * A compiled mail system running on loopback for tests, on James or on a private Postfix: where to send SMTP, what
 * was stored in each local mailbox, and what left the system (the capture sinks of the sandbox). Both servers of one
 * description name their sinks alike, so that one scenario reads the same on either.
 */
public interface MailServer extends AutoCloseable {
    /** Which server this is. */
    ServerKind kind();

    /** The address SMTP listens on: always loopback. */
    String host();

    int smtpPort();

    /**
     * The capture sinks, sorted by name: {@code direct} for delivery by MX lookup, {@code host:port} for a smarthost or
     * a route's next hop (port 25 when the description names none).
     */
    List<CaptureSink> sinks();

    /** The sink named {@code name}, as {@link #sinks()} names them. */
    default CaptureSink sink(String name) {
        return sinks().stream().filter(sink -> sink.name().equals(name)).findFirst()
            .orElseThrow(() -> new NoSuchElementException("no capture sink \"" + name + "\"; the sinks are "
                + sinks().stream().map(CaptureSink::name).toList()));
    }

    /** The local accounts that hold at least one message now, sorted. */
    List<String> accountsWithMail() throws IOException;

    /**
     * Every message delivered to {@code account}'s mailbox so far, in delivery order, as the raw message with CRLF
     * line ends and the headers the server added at delivery; none when the account has no mailbox.
     */
    List<byte[]> mailbox(String account) throws IOException;

    /**
     * True when nothing is queued or being delivered: every message accepted so far has reached a mailbox or a sink,
     * or has been bounced. Polled by tests before they conclude that nothing more will arrive.
     */
    boolean idle() throws IOException;

    /** Stops the server and leaves the host as it was found. */
    @Override
    void close();
}
