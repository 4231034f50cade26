package io.mailform.runtime.postfix;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import io.mailform.runtime.config.StartupException;

/** {@code postfix -c DIR check|start|stop|abort} for one instance, and waiting until none of its processes is left. */
final class InstanceControl {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration ABORT_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 100;

    private final HostPostfix host;
    private final InstanceLayout layout;

    InstanceControl(HostPostfix host, InstanceLayout layout) {
        this.host = host;
        this.layout = layout;
    }

    /** {@code postfix check}, which also creates the queue's subdirectories and the data directory. */
    void check() throws IOException, StartupException {
        CommandResult check = postfix("check");
        if (!check.succeeded()) {
            throw new StartupException("postfix check refuses the instance's configuration in " + layout.conf()
                + ":\n" + check.describe() + maillogTail());
        }
    }

    /**
     * {@code postfix start} returns once master has initialised ({@code master -w}), with a failure status when it
     * could not, e.g. because the SMTP port is taken.
     */
    void start() throws IOException, StartupException {
        CommandResult start = postfix("start");
        if (!start.succeeded()) {
            throw new StartupException("Postfix did not start from " + layout.conf() + " (a port of master.cf may "
                + "be in use):\n" + start.describe() + maillogTail());
        }
    }

    /**
     * Stops the instance and waits until every process of it has ended: {@code postfix stop}, then {@code postfix
     * abort}, then SIGKILL to each remaining process of this instance by its id.
     */
    void stop() throws IOException {
        postfix("stop");
        if (awaitGone(STOP_TIMEOUT)) {
            return;
        }
        postfix("abort");
        if (awaitGone(ABORT_TIMEOUT)) {
            return;
        }
        for (long pid : InstanceProcesses.of(layout.conf())) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        if (!awaitGone(ABORT_TIMEOUT)) {
            throw new IOException("processes " + InstanceProcesses.of(layout.conf()) + " of the Postfix instance in "
                + layout.conf() + " did not end");
        }
    }

    /** {@code postfix flush}: the deferred queue is tried again now. */
    void flush() throws IOException {
        CommandResult flush = postfix("flush");
        if (!flush.succeeded()) {
            throw new IOException("postfix flush failed for " + layout.conf() + ":\n" + flush.describe()
                + maillogTail());
        }
    }

    /** The instance's log, for error messages: its last lines. */
    String maillogTail() {
        try {
            List<String> lines = Files.exists(layout.maillog()) ? Files.readAllLines(layout.maillog()) : List.of();
            if (lines.isEmpty()) {
                return "";
            }
            return "\nmaillog:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "\n(maillog unreadable: " + e.getMessage() + ")";
        }
    }

    private boolean awaitGone(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!InstanceProcesses.of(layout.conf()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping Postfix", e);
            }
        }
        return true;
    }

    private CommandResult postfix(String command) throws IOException {
        return Commands.run(List.of(host.postfix().toString(), "-c", layout.conf().toString(), command));
    }
}
