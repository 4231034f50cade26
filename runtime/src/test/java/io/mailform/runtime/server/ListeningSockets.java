package io.mailform.runtime.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The addresses a TCP port listens on, as the Linux kernel reports them in /proc/net/tcp and /proc/net/tcp6: the
 * only way to see that nothing listens on 0.0.0.0 or ::, whatever interfaces the machine has.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    static Set<String> addressesListeningOn(int port) throws IOException {
        Path tcp = Path.of("/proc/net/tcp");
        assertTrue(Files.isReadable(tcp), "this test reads /proc/net/tcp: run it on Linux");
        Set<String> addresses = new HashSet<>();
        addresses.addAll(scan(Files.readAllLines(tcp), port, false));
        Path tcp6 = Path.of("/proc/net/tcp6");
        if (Files.isReadable(tcp6)) {
            addresses.addAll(scan(Files.readAllLines(tcp6), port, true));
        }
        return addresses;
    }

    /** Lines like {@code 0: 0100007F:1F90 00000000:0000 0A ...}: local address:port in hex, then remote, then state. */
    private static Set<String> scan(List<String> lines, int port, boolean ipv6) {
        Set<String> addresses = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.trim().split("\\s+");
            String[] local = fields[1].split(":");
            if (fields[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                addresses.add(ipv6 ? ipv6(local[0]) : ipv4(local[0]));
            }
        }
        return addresses;
    }

    /** The kernel prints the address as host-order 32-bit words. */
    private static String ipv4(String hex) {
        int value = (int) Long.parseLong(hex, 16);
        return (value & 0xFF) + "." + ((value >> 8) & 0xFF) + "." + ((value >> 16) & 0xFF) + "."
            + ((value >>> 24) & 0xFF);
    }

    private static String ipv6(String hex) {
        StringBuilder address = new StringBuilder();
        for (int word = 0; word < 4; word++) {
            String part = ipv4(hex.substring(word * 8, word * 8 + 8));
            address.append(word == 0 ? "" : ".").append(part);
        }
        String bytes = address.toString();
        // ::ffff:127.0.0.1 is IPv4 loopback through an IPv6 socket; anything else is shown as its bytes.
        return bytes.equals("0.0.0.0.0.0.0.0.0.0.255.255.127.0.0.1") ? "127.0.0.1" : "ipv6 " + bytes;
    }
}
