package io.mailform.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Descriptions in the schema's shapes, with values the fuzzer chooses: most often a plausible value from a pool, so
 * that many descriptions are valid and reach the emitters, otherwise any text at all, so that every value a
 * description can hold is tried in every place it lands. Every scalar is written double-quoted with escapes, so the
 * YAML always means exactly the value chosen.
 */
final class DescriptionShapes {
    static final String PASSWORD_VARIABLE = "FUZZ_PASSWORD";
    /** Starts every password, so that finding it in a file is never a coincidence. */
    static final String SECRET_MARK = "s3cret-";

    private static final String[] MODES = {"none", "internet-site", "internet-smarthost", "satellite", "local-only"};
    private static final String[] HOSTS = {"mail.example.org", "MX.Example.COM.", "a.b", "xn--bcher-kva.example",
        "smtp.example.net", "192.0.2.25", "2001:db8::25", "hub.example.net"};
    private static final String[] NETWORKS = {"127.0.0.0/8", "192.168.1.0/24", "::1/128", "10.0.0.0/8",
        "2001:db8::/32", "::ffff:127.0.0.0/104", "198.51.100.7/32"};
    private static final String[] TLS_LEVELS = {"none", "may", "encrypt", "verify", "secure"};
    private static final String[] PROTOCOLS = {"all", "ipv4", "ipv6"};
    private static final String[] NAMES = {"alice", "bob", "j.doe", "root", "postmaster", "team", "Info",
        "owner-list", "list-request"};
    private static final String[] TARGETS = {"alice", "bob@example.com", "\\carol", "team", "root",
        "|/usr/local/bin/intake", "/var/mail/archive", ":include:/etc/mail/lists", "Alice+tag@Example.ORG"};
    private static final String[] PARAMETERS = {"smtpd_banner", "smtpd_helo_required", "disable_vrfy_command",
        "smtpd_recipient_restrictions", "smtpd_relay_restrictions", "header_size_limit", "maximal_queue_lifetime",
        "notify_classes", "smtpd_client_restrictions", "delay_warning_time", "myorigin"};
    private static final String[] SIZES = {"0", "10240000", "50MB", "1GiB", "2KiB", "1e6"};

    private final FuzzedDataProvider data;
    private final StringBuilder yaml = new StringBuilder();

    private DescriptionShapes(FuzzedDataProvider data) {
        this.data = data;
    }

    /** A description, and the environment compile reads its relay password from. */
    record Generated(String yaml, Map<String, String> environment) {
    }

    static Generated generate(FuzzedDataProvider data) {
        DescriptionShapes shapes = new DescriptionShapes(data);
        String yaml = shapes.description();
        // The random end keeps the fuzzer, which learns the strings a test compares with, from writing the password
        // into a value on purpose: a password found in a file then got there through compile.
        return new Generated(yaml, Map.of(PASSWORD_VARIABLE, SECRET_MARK + data.consumeString(40) + "-"
                + UUID.randomUUID()));
    }

    private String description() {
        yaml.append("version: 1\n");
        String mode = data.pickValue(MODES);
        yaml.append("mode: ").append(quoted(mode)).append('\n');
        line("hostname", value(HOSTS, 40));
        if (data.consumeBoolean()) {
            line("mail_name", value(HOSTS, 40));
        }
        if (data.consumeBoolean()) {
            list("destinations", data.consumeInt(0, 3), HOSTS);
        }
        if (mode.equals("internet-smarthost") || mode.equals("satellite") || data.consumeInt(0, 9) == 0) {
            yaml.append("relay:\n");
            relay("  ");
        }
        if (data.consumeBoolean()) {
            list("networks", data.consumeInt(0, 3), NETWORKS);
        }
        if (data.consumeBoolean()) {
            line("root_recipient", value(TARGETS, 30));
        }
        if (data.consumeBoolean()) {
            line("mailbox_size_limit", value(SIZES, 12));
        }
        if (data.consumeBoolean()) {
            line("message_size_limit", value(SIZES, 12));
        }
        if (data.consumeBoolean()) {
            line("recipient_delimiter", data.consumeBoolean() ? data.pickValue(new String[] {"+", "-", "+-", ""})
                    : data.consumeString(3));
        }
        if (data.consumeBoolean()) {
            line("protocols", data.pickValue(PROTOCOLS));
        }
        if (data.consumeBoolean()) {
            yaml.append("procmail: ").append(data.consumeBoolean()).append('\n');
        }
        aliases();
        users();
        routes();
        if (data.consumeBoolean()) {
            yaml.append("tls:\n  server: ").append(data.consumeBoolean() ? quoted("none")
                    : "{cert_file: " + quoted(value(new String[] {"/etc/ssl/certs/mail.pem"}, 30)) + ", key_file: "
                            + quoted(value(new String[] {"/etc/ssl/private/mail.key"}, 30)) + "}").append('\n');
        }
        passthrough();
        return yaml.toString();
    }

    private void relay(String indent) {
        yaml.append(indent).append("host: ").append(quoted(value(HOSTS, 40))).append('\n');
        if (data.consumeBoolean()) {
            yaml.append(indent).append("port: ").append(data.consumeInt(0, 70000)).append('\n');
        }
        if (data.consumeBoolean()) {
            yaml.append(indent).append("mx_lookup: ").append(data.consumeBoolean()).append('\n');
        }
        if (data.consumeBoolean()) {
            yaml.append(indent).append("tls: ").append(quoted(data.pickValue(TLS_LEVELS))).append('\n');
        }
        if (data.consumeBoolean()) {
            yaml.append(indent).append("auth: {username: ").append(quoted(value(NAMES, 30)))
                    .append(", password_env: ").append(PASSWORD_VARIABLE).append("}\n");
        }
    }

    private void aliases() {
        int count = data.consumeInt(0, 4);
        if (count == 0) {
            return;
        }
        Map<String, List<String>> aliases = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String name = value(NAMES, 20);
            int targets = data.consumeInt(1, 3);
            List<String> list = new java.util.ArrayList<>();
            for (int t = 0; t < targets; t++) {
                list.add(value(TARGETS, 40));
            }
            aliases.put(name, list);
        }
        yaml.append("aliases:\n");
        aliases.forEach((name, targets) -> yaml.append("  ").append(quoted(name)).append(": ")
                .append(targets.stream().map(DescriptionShapes::quoted).toList()).append('\n'));
        if (data.consumeBoolean()) {
            yaml.append("allow_alias_targets: [command, file, include]\n");
        }
    }

    /** Bare names, and now and then a user with its IMAP password. */
    private void users() {
        int count = data.consumeInt(0, 3);
        if (count == 0) {
            return;
        }
        yaml.append("users:\n");
        for (int i = 0; i < count; i++) {
            String name = quoted(value(NAMES, 20));
            yaml.append("  - ").append(data.consumeBoolean() ? name
                    : "{name: " + name + ", password_env: " + PASSWORD_VARIABLE + "}").append('\n');
        }
    }

    private void routes() {
        int count = data.consumeInt(0, 2);
        if (count == 0) {
            return;
        }
        Map<String, Integer> domains = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            domains.put(value(new String[] {"example.net", "partner.example.org.", "lists.internal"}, 30), i);
        }
        yaml.append("routes:\n");
        for (String domain : domains.keySet()) {
            yaml.append("  ").append(quoted(domain)).append(":\n");
            relay("    ");
        }
    }

    private void passthrough() {
        int count = data.consumeInt(0, 3);
        if (count == 0) {
            return;
        }
        Map<String, String> parameters = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            parameters.put(value(PARAMETERS, 30), data.consumeString(60));
        }
        yaml.append("postfix:\n");
        parameters.forEach((name, value) -> yaml.append("  ").append(quoted(name)).append(": ").append(quoted(value))
                .append('\n'));
    }

    private void line(String key, String value) {
        yaml.append(key).append(": ").append(quoted(value)).append('\n');
    }

    private void list(String key, int count, String[] pool) {
        yaml.append(key).append(": [");
        for (int i = 0; i < count; i++) {
            yaml.append(i == 0 ? "" : ", ").append(quoted(value(pool, 40)));
        }
        yaml.append("]\n");
    }

    /** Mostly a value from the pool, sometimes any text at all. */
    private String value(String[] pool, int maxLength) {
        return data.consumeInt(0, 3) == 0 ? data.consumeString(maxLength) : data.pickValue(pool);
    }

    /** A YAML double-quoted scalar that holds exactly {@code text}. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xfeff
                    || (c >= 0xd800 && c <= 0xdfff)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
