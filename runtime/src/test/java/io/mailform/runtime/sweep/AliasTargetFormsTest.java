package io.mailform.runtime.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.mailform.delivery.Reply;
import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.compile.DescriptionCompiler;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.ServerKind;
import io.mailform.runtime.server.TemporaryDirectories;
import io.mailform.runtime.server.TestServers;

/**
 * Asks a private Postfix again for every row of the table of alias targets (alias-targets.csv of the compiler's
 * tests, which TargetReaderTest holds the reading and validate to), so that the table cannot drift from Postfix. Each
 * target is the one target of an alias added to the compiled aliases file of examples/internet-site.yaml (validate
 * refuses some of them, which is why they are added after compile), and a message from a remote sender goes to each:
 * a "bad" row must bounce with "bad recipient address syntax", an "unknown" one with "unknown user", a "forward" one
 * must reach the next hop as the address the table gives, and a "local" one must stay on the host, in the mailbox of
 * the account it names.
 */
class AliasTargetFormsTest {
    private static final Path SITE = Path.of("../examples/internet-site.yaml");
    private static final String TABLE = "/io/mailform/postfix/alias-targets.csv";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern SUBJECT = Pattern.compile("Subject: target (t\\d+)");

    private record Row(String alias, String target, String fate, String argument) {
    }

    @Test
    void postfixDeliversEveryTargetAsTheTableSays() throws Exception {
        List<Row> rows = rows();
        Path compiled = TemporaryDirectories.register(DescriptionCompiler.compileForPostfix(SITE, System.getenv(),
            System.err));
        try {
            StringBuilder lines = new StringBuilder();
            rows.forEach(row -> lines.append(row.alias()).append(": ").append(row.target()).append('\n'));
            Files.writeString(compiled.resolve("postfix/aliases"), lines, StandardOpenOption.APPEND);
            try (MailServer postfix = TestServers.start(ServerKind.POSTFIX, compiled)) {
                for (Row row : rows) {
                    send(postfix, row);
                }
                awaitIdle(postfix);
                Map<String, List<String>> fates = fates(postfix);
                List<String> wrong = new ArrayList<>();
                for (Row row : rows) {
                    List<String> seen = fates.getOrDefault(row.alias(), List.of());
                    List<String> expected = switch (row.fate()) {
                        case "local" -> List.of("mailbox " + row.argument());
                        case "forward" -> List.of("next hop " + row.argument());
                        case "bad" -> List.of("bounced: bad recipient address syntax");
                        case "unknown" -> List.of("bounced: unknown user: \"" + row.argument() + "\"");
                        default -> throw new AssertionError("no such fate: " + row.fate());
                    };
                    if (!seen.equals(expected)) {
                        wrong.add(row.target() + ": expected " + expected + ", Postfix did " + seen);
                    }
                }
                assertEquals(List.of(), wrong);
            }
        } finally {
            TemporaryDirectories.delete(compiled);
        }
    }

    private static void send(MailServer server, Row row) throws IOException {
        try (SmtpClient smtp = SmtpClient.connect(server.host(), server.smtpPort(), TIMEOUT)) {
            assertEquals(220, smtp.greeting().code());
            assertEquals(250, smtp.command("EHLO client.remote.test").code());
            assertEquals(250, smtp.command("MAIL FROM:<sender-" + row.alias() + "@remote.test>").code());
            Reply rcpt = smtp.command("RCPT TO:<" + row.alias() + "@example.org>");
            assertEquals(250, rcpt.code(), rcpt::toString);
            Reply data = smtp.data(("Subject: target " + row.alias() + "\r\n\r\nWhere does " + row.target()
                + " go?\r\n").getBytes(StandardCharsets.UTF_8));
            assertEquals(250, data.code(), data::toString);
        }
    }

    private static void awaitIdle(MailServer server) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!server.idle()) {
            assertTrue(Instant.now().isBefore(deadline), "Postfix did not place every message within " + TIMEOUT);
            Thread.sleep(100);
        }
    }

    /** What became of the message to each alias: a mailbox, the next hop it reached, or a bounce and its reason. */
    private static Map<String, List<String>> fates(MailServer server) throws IOException {
        Map<String, List<String>> fates = new LinkedHashMap<>();
        for (CapturedMessage captured : server.sink("direct").messages()) {
            String alias = alias(captured.text());
            if (captured.sender().isEmpty()) {
                fates.computeIfAbsent(alias, key -> new ArrayList<>()).add("bounced: " + reason(captured.text()));
            } else {
                captured.recipients().forEach(recipient -> fates.computeIfAbsent(alias, key -> new ArrayList<>())
                    .add("next hop " + recipient));
            }
        }
        for (String account : server.accountsWithMail()) {
            for (byte[] stored : server.mailbox(account)) {
                fates.computeIfAbsent(alias(new String(stored, StandardCharsets.UTF_8)), key -> new ArrayList<>())
                    .add("mailbox " + account);
            }
        }
        return fates;
    }

    private static String alias(String text) {
        Matcher subject = SUBJECT.matcher(text);
        assertTrue(subject.find(), () -> "a message of this test:\n" + text);
        return subject.group(1);
    }

    /** The reason of a bounce, as Postfix's bounce message gives it for the recipient. */
    private static String reason(String bounce) {
        if (bounce.contains("bad recipient address syntax")) {
            return "bad recipient address syntax";
        }
        Matcher unknown = Pattern.compile("unknown user: \"[^\"]*\"").matcher(bounce);
        return unknown.find() ? unknown.group() : "(another reason)\n" + bounce;
    }

    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream table = AliasTargetFormsTest.class.getResourceAsStream(TABLE)) {
            String text = new String(table.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\\|");
                String[] fate = columns[1].strip().split(" ", 2);
                rows.add(new Row("t" + rows.size(), columns[0].strip(), fate[0], fate.length > 1 ? fate[1] : ""));
            }
        }
        return rows;
    }
}
