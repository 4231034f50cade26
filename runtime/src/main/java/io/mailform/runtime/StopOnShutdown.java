package io.mailform.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import io.mailform.runtime.sandbox.CaptureDirectory;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.ServerKind;

/**
 * What {@code run} does when it is told to stop (SIGTERM, SIGINT): stops taking mail, lets James deliver what it
 * holds for at most {@link #DRAIN}, stops the server within {@link #TIMEOUT}, and says how many accepted messages
 * were still undelivered, since neither server keeps its queue beyond the run; then closes the capture directory,
 * which the sinks write until they stop.
 */
final class StopOnShutdown {
    /** Postfix's instance stops in at most 25 s (stop, abort, kill); James in a few. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final Duration DRAIN = Duration.ofSeconds(10);

    private StopOnShutdown() {
    }

    /** Installs the hook; the latch opens once the server has stopped. */
    static CountDownLatch install(MailServer running, Optional<CaptureDirectory> capture, PrintStream err) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stopWithin(running, err);
            } finally {
                capture.ifPresent(CaptureDirectory::close);
                stopped.countDown();
            }
        }, "mailform-shutdown"));
        return stopped;
    }

    private static void stopWithin(MailServer running, PrintStream err) {
        Thread stopping = new Thread(() -> {
            try {
                report(running.stop(DRAIN), running.kind(), err);
            } catch (IOException | RuntimeException e) {
                err.println("error: " + e.getMessage());
            }
        }, "mailform-stop");
        stopping.start();
        try {
            stopping.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            err.println("mailform-runtime: the server did not stop within " + TIMEOUT.toSeconds() + " s; exiting");
        }
    }

    private static void report(long lost, ServerKind kind, PrintStream err) {
        if (lost > 0) {
            err.println("mailform-runtime: stopped with " + lost + (lost == 1 ? " message" : " messages")
                + " accepted and neither delivered nor bounced; "
                + (kind == ServerKind.JAMES ? "James keeps its queue in memory"
                    : "the Postfix instance's queue is removed with it")
                + ", so they are lost");
        }
    }
}
