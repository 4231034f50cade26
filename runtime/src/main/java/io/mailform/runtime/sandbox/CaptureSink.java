package io.mailform.runtime.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

/**
 * A small SMTP server on loopback that accepts every message and records it instead of delivering it. The sandbox
 * points outbound delivery here (James's RemoteDelivery, Postfix's smtp client), so that nothing leaves the machine
 * and tests can see where mail went. It offers STARTTLS with the sandbox's certificate, so that a client told to
 * encrypt does, and records whether it did.
 */
public final class CaptureSink implements AutoCloseable {
    private final String name;
    private final int port;
    private volatile ServerSocket socket;
    private volatile SinkAnswer answer = SinkAnswer.ACCEPT;
    private final Map<SinkAnswer, Long> answers = new EnumMap<>(SinkAnswer.class);
    private final SSLContext tls;
    private final ExecutorService sessions;
    private final List<CapturedMessage> messages = new ArrayList<>();
    private final List<CaptureListener> listeners = new ArrayList<>();

    private CaptureSink(String name, ServerSocket socket, SSLContext tls) {
        this.name = name;
        this.port = socket.getLocalPort();
        this.socket = socket;
        this.tls = tls;
        this.sessions = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "capture-sink-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a sink on a free port of 127.0.0.1 that offers STARTTLS with the sandbox's certificate. */
    public static CaptureSink start(String name, SandboxTls tls) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CaptureSink sink = new CaptureSink(name, socket, tls.serverContext());
        sink.sessions.execute(() -> sink.acceptLoop(socket));
        return sink;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** How the sink answers recipients from now on; a new sink accepts them. */
    public void answer(SinkAnswer answer) {
        this.answer = answer;
    }

    /** The answer to one recipient, counted. */
    SinkAnswer answer() {
        SinkAnswer now = answer;
        synchronized (answers) {
            answers.merge(now, 1L, Long::sum);
            answers.notifyAll();
        }
        return now;
    }

    /** How many recipients the sink has answered so far with {@code kind}. */
    public long answered(SinkAnswer kind) {
        synchronized (answers) {
            return answers.getOrDefault(kind, 0L);
        }
    }

    /** Waits until the sink has answered at least {@code count} recipients with {@code kind}; false on timeout. */
    public boolean awaitAnswered(SinkAnswer kind, long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (answers) {
            while (answers.getOrDefault(kind, 0L) < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                answers.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /**
     * Takes the next hop down: the sink stops listening, and connections to its port are refused until {@link
     * #resume()}. Sessions already open go on.
     */
    public synchronized void suspend() throws IOException {
        socket.close();
    }

    /** Listens on the sink's port again after {@link #suspend()}. */
    public synchronized void resume() throws IOException {
        if (!socket.isClosed()) {
            return;
        }
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        try {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            again.close();
            throw new IOException(this + " cannot listen again: something else took port " + port + " while it was"
                + " suspended: " + e.getMessage(), e);
        }
        socket = again;
        sessions.execute(() -> acceptLoop(again));
    }

    /** Everything received so far, in arrival order. */
    public synchronized List<CapturedMessage> messages() {
        return List.copyOf(messages);
    }

    public synchronized void clear() {
        messages.clear();
    }

    /**
     * Waits until at least {@code count} messages have arrived (outbound delivery is asynchronous) and returns all of
     * them; returns what there is when the timeout passes.
     */
    public synchronized List<CapturedMessage> awaitMessages(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(messages);
    }

    SSLContext tls() {
        return tls;
    }

    /**
     * Tells {@code listener} of every message received so far, in arrival order, and then of each new one before the
     * sink acknowledges it; none is missed or told twice, however early or late the listener comes.
     */
    public synchronized void subscribe(CaptureListener listener) throws IOException {
        for (CapturedMessage message : messages) {
            listener.received(message);
        }
        listeners.add(listener);
    }

    /** Throws when a listener could not take the message; the session then refuses it with 451, and it is not kept. */
    synchronized void record(CapturedMessage message) throws IOException {
        for (CaptureListener listener : listeners) {
            listener.received(message);
        }
        messages.add(message);
        notifyAll();
    }

    private void acceptLoop(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                sessions.execute(() -> new SinkSession(this, client).run());
            } catch (IOException e) {
                // Closed while waiting: the sink is shutting down.
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        sessions.shutdownNow();
    }

    @Override
    public String toString() {
        return "sink " + name + " on 127.0.0.1:" + port();
    }
}
