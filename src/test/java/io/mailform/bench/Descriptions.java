package io.mailform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated descriptions of any size, for benchmarks and for the tests that show how the rules grow. Every one of
 * them is clean: it validates without a diagnostic.
 */
public final class Descriptions {
    private Descriptions() {
    }

    /**
     * A smarthost site with {@code aliases} alias lists of three targets each (two users and an address), {@code
     * users} users and {@code routes} routed domains: about 57 bytes per alias with the default proportions.
     */
    public static String description(int aliases, int users, int routes) {
        StringBuilder yaml = header();
        yaml.append("networks: [127.0.0.0/8, 192.168.0.0/16]\n");
        users(yaml, users);
        yaml.append("aliases:\n");
        for (int i = 0; i < aliases; i++) {
            yaml.append("  list").append(i).append(": [user").append(i % users).append(", user")
                    .append((i * 7) % users).append(", someone").append(i).append("@example.com]\n");
        }
        routes(yaml, routes);
        return yaml.toString();
    }

    /** The proportions of the benchmarks: half as many users as aliases, one route per fifty aliases. */
    public static String description(int aliases) {
        return description(aliases, Math.max(1, aliases / 2), Math.max(1, aliases / 50));
    }

    /**
     * The worst shape for the alias rules: a chain {@code a1 → a2 → … → aN → root} of {@code aliases} links, so that
     * every alias reaches the end only through all the others, and {@code networks} distinct /32 networks. With
     * {@code loop}, the last link points back at the first instead, and the whole chain is one alias loop.
     */
    public static String chain(int aliases, int networks, boolean loop) {
        StringBuilder yaml = header();
        yaml.append("networks:\n  - 127.0.0.0/8\n");
        for (int i = 0; i < networks; i++) {
            yaml.append("  - 10.").append(i >> 16 & 255).append('.').append(i >> 8 & 255).append('.')
                    .append(i & 255).append("/32\n");
        }
        users(yaml, 1);
        yaml.append("aliases:\n");
        for (int i = 1; i <= aliases; i++) {
            String next = i < aliases ? "a" + (i + 1) : loop ? "a1" : "root";
            yaml.append("  a").append(i).append(": ").append(next).append('\n');
        }
        return yaml.toString();
    }

    public static Path write(Path file, String description) throws IOException {
        return Files.writeString(file, description, StandardCharsets.UTF_8);
    }

    private static StringBuilder header() {
        return new StringBuilder("""
                version: 1
                mode: internet-smarthost
                hostname: mail.example.org
                mail_name: example.org
                destinations: [$myhostname, example.org, localhost]
                relay: {host: smtp.example.net, port: 587, tls: encrypt}
                """);
    }

    private static void users(StringBuilder yaml, int users) {
        yaml.append("users:\n");
        for (int i = 0; i < users; i++) {
            yaml.append("  - name: user").append(i).append('\n');
        }
    }

    private static void routes(StringBuilder yaml, int routes) {
        yaml.append("routes:\n");
        for (int i = 0; i < routes; i++) {
            yaml.append("  partner").append(i).append(".example.com: {host: mx").append(i)
                    .append(".example.net, port: 25}\n");
        }
    }

    /** Writes descriptions for trying things by hand: {@code Descriptions DIR SIZE...} writes DIR/aliases-SIZE.yaml. */
    public static void main(String[] args) throws IOException {
        Path directory = Files.createDirectories(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            int size = Integer.parseInt(args[i]);
            write(directory.resolve("aliases-" + size + ".yaml"), description(size));
        }
    }
}
