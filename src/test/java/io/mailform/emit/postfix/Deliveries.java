package io.mailform.emit.postfix;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waiting for delivery: after the 250 a message still goes through the queue, so tests poll the mailbox or the
 * capture sink, within a bound.
 */
final class Deliveries {
    private static final long TIMEOUT_MILLIS = 20_000;

    private Deliveries() {
    }

    /** The copy of {@code sent} in {@code user}'s mailbox. */
    static Mbox.Message inMailbox(PostfixInstance instance, String user, SmtpSession.Sent sent) {
        return await(() -> Mbox.read(instance.mailbox(user)).stream()
                .filter(message -> message.messageId().equals(Optional.of(sent.messageId()))).findFirst(),
                () -> "\"" + sent.subject() + "\" in the mailbox of " + user, instance);
    }

    /** A bounce about {@code sent} (a message that quotes its subject, with a Message-ID of its own) in the sink. */
    static CaptureSink.Captured bounceInSink(PostfixInstance instance, CaptureSink sink, SmtpSession.Sent sent) {
        return await(() -> sink.messages().stream()
                .filter(message -> !isCopyOf(message, sent) && message.text().contains(sent.subject())).findFirst(),
                () -> "a bounce about \"" + sent.subject() + "\" in the " + sink, instance);
    }

    /** The sink's copy of {@code sent}. */
    static CaptureSink.Captured inSink(PostfixInstance instance, CaptureSink sink, SmtpSession.Sent sent) {
        return await(() -> sink.messages().stream()
                .filter(message -> isCopyOf(message, sent)).findFirst(),
                () -> "\"" + sent.subject() + "\" in the " + sink + " (holding " + sink.messages().size() + ")",
                instance);
    }

    /** Whether the sink's message is {@code sent} itself, by its own Message-ID (a bounce quotes the original's). */
    private static boolean isCopyOf(CaptureSink.Captured message, SmtpSession.Sent sent) {
        return Mbox.Message.of(message).messageId().equals(Optional.of(sent.messageId()));
    }

    private static <T> T await(Supplier<Optional<T>> probe, Supplier<String> what, PostfixInstance instance) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not found within " + TIMEOUT_MILLIS + " ms: " + what.get()
                        + "\nmaillog:\n" + instance.maillog());
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
