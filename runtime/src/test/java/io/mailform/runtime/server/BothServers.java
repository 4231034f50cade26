package io.mailform.runtime.server;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import io.mailform.runtime.config.StartupException;

/** James and a private Postfix, both started from one description for the tests of a class, and stopped after them. */
public final class BothServers implements AutoCloseable {
    private final Map<ServerKind, MailServer> servers = new EnumMap<>(ServerKind.class);

    private BothServers() {
    }

    public static BothServers start(Path description) throws StartupException {
        BothServers both = new BothServers();
        try {
            for (ServerKind kind : ServerKind.values()) {
                both.servers.put(kind, TestServers.start(kind, description));
            }
            return both;
        } catch (StartupException | RuntimeException e) {
            both.close();
            throw e;
        }
    }

    public MailServer get(ServerKind kind) {
        return servers.get(kind);
    }

    @Override
    public void close() {
        servers.values().forEach(MailServer::close);
    }
}
