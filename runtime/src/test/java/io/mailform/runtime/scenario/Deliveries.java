package io.mailform.runtime.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.MailServer;

/**
 * Waiting for delivery: after the 250 a message still goes through the server's queue, so tests poll the mailbox or
 * the capture sink, within a bound.
 */
public final class Deliveries {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Deliveries() {
    }

    /** The copy of {@code sent} in {@code account}'s mailbox. */
    public static RawMessage inMailbox(MailServer server, String account, Sent sent) {
        return await(() -> mailbox(server, account).stream().map(RawMessage::of)
            .filter(message -> message.isCopyOf(sent)).findFirst(),
            () -> "\"" + sent.subject() + "\" in the mailbox of " + account);
    }

    /** The sink's copy of {@code sent}. */
    public static CapturedMessage inSink(MailServer server, String sink, Sent sent) {
        return await(() -> server.sink(sink).messages().stream()
            .filter(message -> RawMessage.of(message.data()).isCopyOf(sent)).findFirst(),
            () -> "\"" + sent.subject() + "\" in the sink " + sink + " (holding "
                + server.sink(sink).messages().size() + ")");
    }

    /** A bounce about {@code sent} in the sink. */
    public static CapturedMessage bounceInSink(MailServer server, String sink, Sent sent) {
        return await(() -> server.sink(sink).messages().stream()
            .filter(message -> RawMessage.of(message.data()).isBounceOf(sent)).findFirst(),
            () -> "a bounce about \"" + sent.subject() + "\" in the sink " + sink);
    }

    /** Waits until the server says it is idle. */
    public static void awaitIdle(MailServer server) {
        await(() -> {
            try {
                return server.idle() ? Optional.of(true) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, () -> server.kind().key() + " idle");
    }

    private static List<byte[]> mailbox(MailServer server, String account) {
        try {
            return server.mailbox(account);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T await(Supplier<Optional<T>> probe, Supplier<String> what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not found within " + TIMEOUT.toSeconds() + " s: " + what.get());
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
