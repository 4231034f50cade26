package io.mailform.runtime.server;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
     * The messages of {@code account}'s mailbox from the {@code first}-th on (counting from 0), as {@link
     * #mailbox(String)} returns them: what arrived since a reader last looked, without reading the rest again.
     */
    default List<byte[]> mailbox(String account, int first) throws IOException {
        List<byte[]> all = mailbox(account);
        return List.copyOf(all.subList(Math.min(first, all.size()), all.size()));
    }

    /**
     * How many messages each account's mailbox holds now, by account, sorted; accounts without mail are left out.
     * Cheaper than reading the mailboxes, for a reader that polls for what is new.
     */
    Map<String, Integer> mailboxCounts() throws IOException;

    /**
     * True when nothing is queued or being delivered: every message accepted so far has reached a mailbox or a sink,
     * or has been bounced. Polled by tests before they conclude that nothing more will arrive.
     */
    boolean idle() throws IOException;

    /**
     * The messages accepted and not yet delivered or bounced: waiting in a queue, deferred for a retry, or being
     * delivered now. What stopping the server would lose, as neither keeps its queue beyond the run.
     */
    long pending() throws IOException;

    /**
     * Tries every deferred message again now, as {@code postqueue -f} does, instead of at its next retry time
     * (Postfix's and the James configuration's first retry is five minutes after the failure).
     */
    void flush() throws IOException;

    /**
     * Stops taking mail, gives what is queued at most {@code drain} to be delivered where the server can go on
     * delivering without taking mail (James; a Postfix instance stops at once), then stops as {@link #close()} does.
     * Returns how many accepted messages were still neither delivered nor bounced: they are lost with the server.
     */
    long stop(Duration drain) throws IOException;

    /** Stops the server and leaves the host as it was found. */
    @Override
    void close();
}
