package io.mailform.runtime.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;

import io.mailform.runtime.config.OutboundGateway;
import io.mailform.runtime.sandbox.CaptureSink;

/**
 * A started mail system: its loopback ports, the IMAP password of each account and, in the sandbox, the capture sinks
 * by gateway name. Close to stop.
 */
public final class RunningMailSystem implements AutoCloseable {
    public static final String HOST = "127.0.0.1";

    private final GuiceJamesServer server;
    private final List<Path> temporaryDirectories;
    private final int smtpPort;
    private final int imapPort;
    private final Map<String, CaptureSink> sinks;
    private final Map<String, String> passwords;

    RunningMailSystem(GuiceJamesServer server, List<Path> temporaryDirectories, int smtpPort, int imapPort,
            Map<String, CaptureSink> sinks, Map<String, String> passwords) {
        this.server = server;
        this.temporaryDirectories = List.copyOf(temporaryDirectories);
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.sinks = Map.copyOf(sinks);
        this.passwords = Collections.unmodifiableMap(new LinkedHashMap<>(passwords));
    }

    public String host() {
        return HOST;
    }

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

    /** The sink standing in for {@code gateway} as mailetcontainer.xml names it, e.g. {@code [smtp.isp.example]:587}. */
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
    public List<CaptureSink> sinks() {
        return sinks.values().stream().sorted(Comparator.comparing(CaptureSink::name)).toList();
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
    public void close() {
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
