package io.mailform.runtime;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT, taken from the JVM once {@code run} is ready: the JVM's own handling would run the shutdown
 * hooks and exit with 143 or 130 whatever the stop did, where {@code run} stops the server itself and exits with a
 * status that says how that went. A signal that arrives during the stop changes nothing: the stop is bounded.
 */
final class StopSignals {
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    private StopSignals() {
    }

    static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> signals.received.offer("SIG" + signal.getName()));
        }
        return signals;
    }

    /** Waits for the first signal; returns its name, e.g. {@code SIGTERM}. */
    String await() throws InterruptedException {
        return received.take();
    }
}
