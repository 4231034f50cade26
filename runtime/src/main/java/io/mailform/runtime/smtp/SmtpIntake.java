package io.mailform.runtime.smtp;

import javax.inject.Singleton;

/**
 * The door between James's SMTP sessions and its spool. Stopping closes it before the listeners: a session that ends
 * its DATA afterwards is answered 421 and its message is not queued, and closing returns only once every message
 * that was being queued is in the spool. From then on the spool holds every message a client can have been told 250,
 * so the count of what is left when the server stops is complete.
 */
@Singleton
public final class SmtpIntake {
    private int queueing;
    private boolean closed;

    /** True when the message may be queued; the caller must then {@link #leave()} once it is. */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        queueing++;
        return true;
    }

    synchronized void leave() {
        queueing--;
        notifyAll();
    }

    /** Takes no more mail and returns once no message is being queued. */
    public synchronized void close() throws InterruptedException {
        closed = true;
        while (queueing > 0) {
            wait();
        }
    }
}
