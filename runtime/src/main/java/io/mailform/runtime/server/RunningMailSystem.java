package io.mailform.runtime.server;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.queue.api.MailQueue.MailQueueException;

import io.mailform.runtime.config.OutboundGateway;
import io.mailform.runtime.sandbox.CaptureSink;

/**
 * A mail system started on James: its loopback ports, the IMAP password of each account and, in the sandbox, the
 * capture sinks by gateway name. Close to stop.
 *
 * <p>As a {@link MailServer} it reads mailboxes over IMAP with each account's password, and tells {@link #idle()}
 * from James's memory mail queues and its spooler (see there for what that can and cannot see).
 */
public final class RunningMailSystem implements MailServer {
    public static final String HOST = "127.0.0.1";
    private static final long DRAIN_POLL_MILLIS = 20;

    private final GuiceJamesServer server;
    private final List<Path> temporaryDirectories;
    private final int smtpPort;
    private final int imapPort;
    private final Map<String, CaptureSink> sinks;
    private final Map<String, String> passwords;
    private final ImapMailboxes mailboxes;
    private final Provisioned provisioned;
    private boolean closed;

    RunningMailSystem(GuiceJamesServer server, List<Path> temporaryDirectories, int smtpPort, int imapPort,
            Map<String, CaptureSink> sinks, Map<String, String> passwords, Provisioned provisioned) {
        this.provisioned = provisioned;
        this.server = server;
        this.temporaryDirectories = List.copyOf(temporaryDirectories);
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.sinks = Map.copyOf(sinks);
        this.passwords = Collections.unmodifiableMap(new LinkedHashMap<>(passwords));
        this.mailboxes = new ImapMailboxes(HOST, imapPort);
    }

    @Override
    public ServerKind kind() {
        return ServerKind.JAMES;
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** The accounts, in provisioning order: the IMAP logins. */
    public List<String> accounts() {
        return List.copyOf(passwords.keySet());
    }

    /** The IMAP password of {@code account}: from provisioning.json, or chosen at this start. */
    public String password(String account) {
        String password = passwords.get(account);
        if (password == null) {
            throw new NoSuchElementException("no account \"" + account + "\"; the accounts are " + accounts());
        }
        return password;
    }

    /** {@code account=password} lines, for the credentials file of {@code run}. */
    public List<String> credentials() {
        return passwords.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
    }

    /** The sink standing in for {@code gateway} as mailetcontainer.xml names it, e.g. {@code smtp.isp.example:587}. */
    @Override
    public CaptureSink sink(String gateway) {
        CaptureSink sink = sinks.get(gateway);
        if (sink == null) {
            throw new NoSuchElementException("no capture sink for gateway \"" + gateway + "\"; the sinks are "
                + sinks.keySet().stream().sorted().toList());
        }
        return sink;
    }

    /** The sink for delivery by MX lookup, i.e. a RemoteDelivery without gateway. */
    public CaptureSink directSink() {
        return sink(OutboundGateway.DIRECT);
    }

    /** All sinks, sorted by name. */
    @Override
    public List<CaptureSink> sinks() {
        return sinks.values().stream().sorted(Comparator.comparing(CaptureSink::name)).toList();
    }

    /** The accounts whose INBOX holds a message, asked over IMAP. */
    @Override
    public List<String> accountsWithMail() throws IOException {
        List<String> withMail = new ArrayList<>();
        for (String account : accounts()) {
            if (mailboxes.count(account, password(account)) > 0) {
                withMail.add(account);
            }
        }
        return withMail.stream().sorted().toList();
    }

    /** Each account's INBOX count, asked of James in memory ({@link InboxProbe}) rather than over IMAP. */
    @Override
    public Map<String, Integer> mailboxCounts() throws IOException {
        InboxProbe probe = server.getProbe(InboxProbe.class);
        Map<String, Integer> counts = new TreeMap<>();
        for (String account : accounts()) {
            try {
                long count = probe.count(account);
                if (count > 0) {
                    counts.put(account, Math.toIntExact(count));
                }
            } catch (MailboxException e) {
                throw new IOException("cannot count the messages of " + account + ": " + e.getMessage(), e);
            }
        }
        return counts;
    }

    /** The INBOX's messages from the {@code first}-th on, read over IMAP without fetching the ones before. */
    @Override
    public List<byte[]> mailbox(String account, int first) throws IOException {
        if (!passwords.containsKey(account)) {
            return List.of();
        }
        return mailboxes.messages(account, password(account), first);
    }

    /**
     * The messages in {@code account}'s INBOX, read over IMAP: each as IMAP returns it, with CRLF line ends and the
     * headers James added at delivery (Return-Path, Delivered-To). None for a name that is no account.
     */
    @Override
    public List<byte[]> mailbox(String account) throws IOException {
        if (!passwords.containsKey(account)) {
            return List.of();
        }
        return mailboxes.messages(account, password(account));
    }

    /**
     * True when James's memory mail queues are empty and its spooler is processing nothing. The queues count a
     * message from the moment SMTP accepts it (James queues it before answering 250 to DATA) until its consumer is
     * done with it: the spooler for the spool queue, each RemoteDelivery for its outgoing queue, a delivery waiting to
     * be retried included. Not seen: an SMTP session still before the end of DATA, and the instant between a queue
     * handing a message over and marking it in process. A message with a delayed retry keeps James from being idle
     * until it is delivered or bounced, as Postfix's deferred queue does.
     */
    @Override
    public boolean idle() throws IOException {
        return pending() == 0;
    }

    @Override
    public long pending() throws IOException {
        try {
            return server.getProbe(MailQueueProbe.class).pending();
        } catch (MailQueueException e) {
            throw new IOException("cannot read James's mail queues: " + e.getMessage(), e);
        }
    }

    /**
     * Closes the SMTP intake (after which the spool holds every message a client can have been told 250), lets James
     * deliver for at most {@code drain}, counts what is still queued or being delivered, and stops. A message being
     * handed to a next hop when the drain ends is counted, and may still reach it while James stops.
     */
    @Override
    public long stop(Duration drain) throws IOException {
        long deadline = System.nanoTime() + drain.toNanos();
        try {
            server.getProbe(SmtpIntakeProbe.class).stopAccepting();
            while (pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(DRAIN_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long lost = pending();
        close();
        return lost;
    }

    @Override
    public void flush() throws IOException {
        try {
            server.getProbe(MailQueueProbe.class).flush();
        } catch (MailQueueException e) {
            throw new IOException("cannot flush James's mail queues: " + e.getMessage(), e);
        }
    }

    /** What provisioning.json put into James at start, and how long that took. */
    public Provisioned provisioned() {
        return provisioned;
    }

    /** The ports as {@code name=port} pairs: smtp, imap, then {@code sink.<gateway>} sorted. */
    public List<String> ports() {
        return Stream.concat(
                Stream.of("smtp=" + smtpPort, "imap=" + imapPort),
                sinks().stream().map(sink -> "sink." + sink.name() + "=" + sink.port()))
            .toList();
    }

    /** Stops James and the sinks and deletes the temporary directories, whatever fails on the way. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
        } finally {
            for (CaptureSink sink : sinks.values()) {
                try {
                    sink.close();
                } catch (IOException e) {
                    // Closing a listening socket does not fail in a way worth reporting at shutdown.
                }
            }
            temporaryDirectories.forEach(TemporaryDirectories::delete);
        }
    }
}
