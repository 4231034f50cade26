package io.mailform.scenario;

import io.mailform.delivery.ReplyPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes scenarios as a scenario file that the reader takes back unchanged: every string double-quoted (so no value
 * can change the YAML's structure), one case per item, in order. The same scenarios give the same bytes.
 */
public final class ScenarioWriter {
    /**
     * @param schemaPath the schema for the editor's modeline, relative to the written file; empty for none
     * @param comment lines for the file's header comment
     */
    public String write(Scenarios scenarios, Optional<String> schemaPath, List<String> comment) {
        StringBuilder out = new StringBuilder();
        schemaPath.ifPresent(path -> out.append("# yaml-language-server: $schema=").append(path).append('\n'));
        for (String line : comment) {
            out.append(line.isEmpty() ? "#" : "# " + line.replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
        out.append("version: 1\n");
        out.append("description: ").append(quote(scenarios.description())).append('\n');
        out.append("cases:\n");
        for (Case item : scenarios.cases()) {
            out.append("  - name: ").append(quote(item.name())).append('\n');
            out.append("    send: ").append(send(item.send())).append('\n');
            expectation(item.expect(), out);
        }
        return out.toString();
    }

    private static String send(Send send) {
        List<String> fields = new ArrayList<>();
        if (!send.client().equals(ClientChoice.LOCALHOST)) {
            fields.add("client: " + quote(send.client().text()));
        }
        if (!send.helo().equals(Send.DEFAULT_HELO)) {
            fields.add("helo: " + quote(send.helo()));
        }
        send.login().ifPresent(login -> fields.add("login: " + quote(login)));
        fields.add("from: " + quote(send.from()));
        fields.add("to: " + list(send.to()));
        send.size().ifPresent(size -> fields.add("size: " + size));
        if (send.repeat() > 1) {
            fields.add("repeat: " + send.repeat());
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private static void expectation(Expectation expect, StringBuilder out) {
        List<String> lines = new ArrayList<>();
        expect.mail().ifPresent(mail -> lines.add("mail: " + quote(mail.text())));
        if (!expect.rcptByRecipient().isEmpty()) {
            List<String> entries = new ArrayList<>();
            expect.rcptByRecipient().forEach((recipient, reply) -> entries.add(quote(recipient) + ": "
                    + quote(reply.text())));
            lines.add("rcpt: {" + String.join(", ", entries) + "}");
        } else {
            expect.rcpt().ifPresent(rcpt -> lines.add("rcpt: " + quote(rcpt.text())));
        }
        expect.data().map(ReplyPattern::text).ifPresent(data -> lines.add("data: " + quote(data)));
        if (!expect.delivered().isEmpty()) {
            List<String> entries = new ArrayList<>();
            expect.delivered().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> entries.add(quote(entry.getKey()) + ": " + entry.getValue()));
            lines.add("delivered: {" + String.join(", ", entries) + "}");
        }
        if (!expect.bounced().isEmpty()) {
            lines.add("bounced: " + list(expect.bounced()));
        }
        if (lines.isEmpty() && expect.relayed().isEmpty()) {
            return;
        }
        out.append("    expect:\n");
        lines.forEach(line -> out.append("      ").append(line).append('\n'));
        if (!expect.relayed().isEmpty()) {
            out.append("      relayed:\n");
            for (RelayedCopies copies : expect.relayed()) {
                List<String> fields = new ArrayList<>(List.of("via: " + quote(copies.via()),
                        "to: " + list(copies.to())));
                copies.login().ifPresent(login -> fields.add("login: " + quote(login)));
                copies.tls().ifPresent(tls -> fields.add("tls: " + tls));
                out.append("        - {").append(String.join(", ", fields)).append("}\n");
            }
        }
    }

    private static String list(List<String> values) {
        return "[" + String.join(", ", values.stream().map(ScenarioWriter::quote).toList()) + "]";
    }

    /** A YAML double-quoted scalar: backslash, quote and control characters escaped. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
