package io.mailform.runtime.it;

import java.time.Duration;

import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedMessage;

/** Waiting for a capture sink: outbound delivery happens after the 250, from James's queue. */
final class Sinks {
    private static final Duration DELIVERY = Duration.ofSeconds(20);

    private Sinks() {
    }

    /** The sink's copy of {@code sent}, found by its Message-ID. */
    static CapturedMessage await(CaptureSink sink, MailClient.Sent sent) throws InterruptedException {
        return awaitMentioning(sink, "Message-ID: " + sent.messageId());
    }

    /** The first message whose text contains {@code text}, e.g. a bounce quoting a subject. */
    static CapturedMessage awaitMentioning(CaptureSink sink, String text) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (System.nanoTime() < deadline) {
            for (CapturedMessage message : sink.messages()) {
                if (message.text().contains(text)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing with \"" + text + "\" reached " + sink + "; it holds "
            + sink.messages().size() + " messages");
    }
}
