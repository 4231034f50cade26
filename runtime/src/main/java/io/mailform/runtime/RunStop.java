package io.mailform.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.mailform.runtime.sandbox.CaptureDirectory;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.ServerKind;

/**
 * How {@code run} stops, once: it stops taking mail, lets James deliver what it holds for at most {@link #DRAIN},
 * stops the server within {@link #TIMEOUT}, says how many accepted messages were still undelivered (neither server
 * keeps its queue beyond the run), then closes the capture directory, which the sinks write until they stop. {@code
 * run} stops so when SIGTERM or SIGINT arrives; a shutdown hook does the same when the JVM ends otherwise.
 */
final class RunStop {
    /** Postfix's instance stops in at most 20 s (SIGTERM, then SIGKILL); James in well under one. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final Duration DRAIN = Duration.ofSeconds(10);

    /** How a stop ended, with the exit status of {@code run}. */
    enum Outcome {
        /** Every message accepted was delivered or bounced. */
        CLEAN(RunMain.EXIT_STOPPED),
        /** Stopped, with messages accepted and neither delivered nor bounced. */
        LOST_MAIL(RunMain.EXIT_LOST_MAIL),
        /** The server failed to stop in time, or stopping it failed. */
        FAILED(RunMain.EXIT_STOP_FAILED);

        final int status;

        Outcome(int status) {
            this.status = status;
        }
    }

    private final MailServer running;
    private final Optional<CaptureDirectory> capture;
    private final PrintStream err;
    private Outcome outcome;

    private RunStop(MailServer running, Optional<CaptureDirectory> capture, PrintStream err) {
        this.running = running;
        this.capture = capture;
        this.err = err;
    }

    /** The stop of {@code running}, also installed as a shutdown hook for a JVM that ends without a stop. */
    static RunStop install(MailServer running, Optional<CaptureDirectory> capture, PrintStream err) {
        RunStop stop = new RunStop(running, capture, err);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::stop, "mailform-shutdown"));
        return stop;
    }

    /** Stops the server, the first time; later calls return how that stop ended. */
    synchronized Outcome stop() {
        if (outcome == null) {
            try {
                outcome = stopWithin();
            } finally {
                capture.ifPresent(CaptureDirectory::close);
            }
        }
        return outcome;
    }

    private Outcome stopWithin() {
        AtomicReference<Outcome> stopped = new AtomicReference<>(Outcome.FAILED);
        Thread stopping = new Thread(() -> {
            try {
                long lost = running.stop(DRAIN);
                report(lost);
                stopped.set(lost > 0 ? Outcome.LOST_MAIL : Outcome.CLEAN);
            } catch (IOException | RuntimeException e) {
                err.println("error: stopping the server: " + e.getMessage());
            }
        }, "mailform-stop");
        stopping.start();
        try {
            stopping.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            err.println("error: the server did not stop within " + TIMEOUT.toSeconds() + " s; exiting");
            return Outcome.FAILED;
        }
        return stopped.get();
    }

    private void report(long lost) {
        if (lost > 0) {
            err.println("mailform-runtime: stopped with " + lost + (lost == 1 ? " message" : " messages")
                + " accepted and neither delivered nor bounced; "
                + (running.kind() == ServerKind.JAMES ? "James keeps its queue in memory"
                    : "the Postfix instance's queue is removed with it")
                + ", so they are lost");
        }
    }
}
