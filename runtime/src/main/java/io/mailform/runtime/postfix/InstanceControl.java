package io.mailform.runtime.postfix;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.mailform.runtime.config.StartupException;

/** {@code postfix -c DIR check|start|flush} for one instance, its stop, and waiting until none of its processes is left. */
final class InstanceControl {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;

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
     * Stops the instance and waits until every process of it has ended: SIGTERM to master, as {@code postfix stop}
     * and {@code postfix abort} send it (master ends its daemons and exits; a delivery under way ends, its message
     * stays queued), then after {@link #STOP_TIMEOUT} SIGKILL to each remaining process of this instance by its id.
     * The signal is sent here rather than by {@code postfix stop}, which checks for master's end only once a second,
     * and nothing is sent when no process of the instance is left (a second stop, or a start that failed early).
     */
    void stop() throws IOException {
        List<Long> processes = InstanceProcesses.of(layout.conf());
        if (processes.isEmpty()) {
            return;
        }
        masterPid().filter(processes::contains).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
        if (awaitGone(STOP_TIMEOUT)) {
            return;
        }
        for (long pid : InstanceProcesses.of(layout.conf())) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        if (!awaitGone(KILL_TIMEOUT)) {
            throw new IOException("processes " + InstanceProcesses.of(layout.conf()) + " of the Postfix instance in "
                + layout.conf() + " did not end");
        }
    }

    /** The process id master wrote into its queue directory's {@code pid/master.pid}, when it did. */
    private Optional<Long> masterPid() {
        try {
            String text = Files.readString(layout.queue().resolve("pid").resolve("master.pid")).trim();
            return Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
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
