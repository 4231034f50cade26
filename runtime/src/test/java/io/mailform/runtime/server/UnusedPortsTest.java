package io.mailform.runtime.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UnusedPortsTest {
    @Test
    void picksABindablePortBelowTheEphemeralRange() throws Exception {
        int ephemeralStart = Integer.parseInt(
            Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int port = UnusedPorts.pick("127.0.0.1");
            assertTrue(port < ephemeralStart, port + " is inside the ephemeral range from " + ephemeralStart);
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress("127.0.0.1", port));
            }
            ports.add(port);
        }
        assertTrue(ports.size() > 1, "the same port every time: " + ports);
    }

    @Test
    void neverPicksAPortSomethingListensOn() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", UnusedPorts.pick("127.0.0.1")));
            for (int i = 0; i < 500; i++) {
                assertTrue(UnusedPorts.pick("127.0.0.1") != taken.getLocalPort());
            }
        }
    }
}
