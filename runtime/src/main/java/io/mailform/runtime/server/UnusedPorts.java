package io.mailform.runtime.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers that bind them later (James, Postfix's master), chosen below the kernel's ephemeral range. A port
 * the kernel handed out for {@code bind(0)} and released is soon the local end of some outgoing connection, and the
 * server that binds it a moment later fails with "Address already in use"; no outgoing connection takes a port below
 * the range.
 */
public final class UnusedPorts {
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LINUX_EPHEMERAL_START = 32768;
    private static final int LOWEST = 10000;
    private static final int ATTEMPTS = 200;

    private UnusedPorts() {
    }

    /** A port on {@code host} that nothing listens on now, and that no outgoing connection will take. */
    public static int pick(String host) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        int below = ephemeralStart();
        if (below - LOWEST < ATTEMPTS) {
            return kernelChoice(address);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = random.nextInt(LOWEST, below);
            if (free(address, port)) {
                return port;
            }
        }
        return kernelChoice(address);
    }

    private static boolean free(InetAddress address, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int kernelChoice(InetAddress address) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, 0));
            return probe.getLocalPort();
        }
    }

    /** The first port of the ephemeral range; a system tuned to start it low leaves little room below it. */
    private static int ephemeralStart() {
        // Read line by line: Files.readString trusts the size /proc reports and returns a cut line.
        try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE, StandardCharsets.US_ASCII)) {
            String[] range = reader.readLine().trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return LINUX_EPHEMERAL_START;
        }
    }
}
