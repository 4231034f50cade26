package io.mailform.runtime.postfix;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.ServerKind;

/**
 * A private Postfix instance started from a compiled description: SMTP on 127.0.0.1, mailboxes as mbox files in its
 * own spool directory, and a capture sink for every next hop. Close to stop it and leave the host as it was found.
 */
public final class RunningPostfix implements MailServer {
    private static final String HOST = "127.0.0.1";
    private static final String LOCK_SUFFIX = ".lock";

    private final InstanceLayout layout;
    private final int smtpPort;
    private final Map<String, CaptureSink> sinks;
    private final List<InstanceOverride> overrides;
    private final List<String> createdAccounts;
    private final Teardown teardown;
    private final InstanceControl control;
    private final Map<String, MboxIndex> mboxIndexes = new HashMap<>();

    RunningPostfix(InstanceLayout layout, int smtpPort, Map<String, CaptureSink> sinks,
            List<InstanceOverride> overrides, List<String> createdAccounts, Teardown teardown,
            InstanceControl control) {
        this.layout = layout;
        this.control = control;
        this.smtpPort = smtpPort;
        this.sinks = Map.copyOf(sinks);
        this.overrides = List.copyOf(overrides);
        this.createdAccounts = List.copyOf(createdAccounts);
        this.teardown = teardown;
    }

    @Override
    public ServerKind kind() {
        return ServerKind.POSTFIX;
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int smtpPort() {
        return smtpPort;
    }

    @Override
    public List<CaptureSink> sinks() {
        return sinks.values().stream().sorted(Comparator.comparing(CaptureSink::name)).toList();
    }

    /** The accounts with an mbox file that holds a message, in the instance's spool directory. */
    @Override
    public List<String> accountsWithMail() throws IOException {
        List<String> withMail = new ArrayList<>();
        try (Stream<Path> files = Files.list(layout.spool())) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(LOCK_SUFFIX) && Files.isRegularFile(file) && !Mbox.read(file).isEmpty()) {
                    withMail.add(name);
                }
            }
        }
        return withMail;
    }

    /**
     * The number of messages in each mbox file that holds one. Each file is read only as far as it grew since the last
     * look ({@link MboxIndex}): local(8) only appends.
     */
    @Override
    public synchronized Map<String, Integer> mailboxCounts() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<Path> files = Files.list(layout.spool())) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(LOCK_SUFFIX) || !Files.isRegularFile(file)) {
                    continue;
                }
                int messages = mboxIndexes.computeIfAbsent(name, key -> new MboxIndex(file)).update(Files.size(file));
                if (messages > 0) {
                    counts.put(name, messages);
                }
            }
        }
        return counts;
    }

    /** The messages from the {@code first}-th on, read from where the first of them starts in the mbox file. */
    @Override
    public synchronized List<byte[]> mailbox(String account, int first) throws IOException {
        if (account.isEmpty() || account.contains("/") || account.startsWith(".")) {
            throw new IllegalArgumentException("\"" + account + "\" is not an account name");
        }
        Path file = layout.spool().resolve(account);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        MboxIndex index = mboxIndexes.computeIfAbsent(account, key -> new MboxIndex(file));
        index.update(Files.size(file));
        return index.messagesFrom(first);
    }

    /**
     * The messages local(8) appended to {@code account}'s mbox file, with the headers it added (Return-Path,
     * Delivered-To, X-Original-To), CRLF line ends, and body lines that began with {@code From } quoted as
     * {@code >From } as local(8) stores them. None when the account has no mailbox.
     */
    @Override
    public List<byte[]> mailbox(String account) throws IOException {
        if (account.isEmpty() || account.contains("/") || account.startsWith(".")) {
            throw new IllegalArgumentException("\"" + account + "\" is not an account name");
        }
        return Mbox.read(layout.spool().resolve(account));
    }

    /**
     * True when the instance's queue holds no message: smtpd has put every accepted message in the queue before its
     * 250, and a message leaves the queue only once every recipient is delivered (local(8) has written the mbox
     * file, the smtp client has the sink's 250) or bounced, the bounce being a queue file of its own by then.
     * Deferred mail keeps the instance from being idle. Not seen: an SMTP session still before the end of DATA.
     */
    @Override
    public boolean idle() throws IOException {
        return pending() == 0;
    }

    @Override
    public long pending() throws IOException {
        return PostfixQueue.messages(layout.queue());
    }

    /**
     * Stops the instance at once (SIGTERM to master, as {@code postfix stop} sends it: smtpd takes no more mail,
     * deliveries under way end), counts the queue files left, then removes the instance. The drain does not apply:
     * Postfix's master cannot stop smtpd alone.
     */
    @Override
    public long stop(Duration drain) throws IOException {
        control.stop();
        long lost = pending();
        close();
        return lost;
    }

    /** {@code postfix flush}: qmgr tries the deferred queue again now. */
    @Override
    public void flush() throws IOException {
        control.flush();
    }

    /** How this instance differs from the compiled configuration, and why. */
    public List<InstanceOverride> overrides() {
        return overrides;
    }

    /** The system accounts this start created, which close removes again. */
    public List<String> createdAccounts() {
        return createdAccounts;
    }

    /** The instance's configuration directory: the compiled files with the overrides applied. */
    public Path configDirectory() {
        return layout.conf();
    }

    /** The temporary directory everything of the instance lives in, deleted by close. */
    public Path instanceDirectory() {
        return layout.base();
    }

    /** The instance's log so far. */
    public String maillog() throws IOException {
        return Files.exists(layout.maillog()) ? Files.readString(layout.maillog()) : "";
    }

    /** The ports as {@code name=port} pairs: smtp, then {@code sink.<name>} sorted. */
    public List<String> ports() {
        return Stream.concat(Stream.of("smtp=" + smtpPort),
            sinks().stream().map(sink -> "sink." + sink.name() + "=" + sink.port())).toList();
    }

    /**
     * Stops Postfix, removes the accounts it created, closes the sinks and deletes the instance's directory, each
     * even when an earlier step failed; once only.
     *
     * @throws IllegalStateException naming what could not be undone
     */
    @Override
    public void close() {
        List<String> failures = teardown.run();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the host could not be restored completely: "
                + String.join("; ", failures));
        }
    }
}
