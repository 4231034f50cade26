package io.mailform.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a reader outside the JVM finds in a capture directory: the index lines, parsed as JSON, and the .eml files. */
public final class CapturedFiles {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CapturedFiles() {
    }

    /** One line of index.jsonl. */
    public record IndexLine(String file, String sink, String mailFrom, List<String> rcptTo, Optional<String> login,
            boolean tls, String helo, int size, Instant time, List<String> keys) {
        static IndexLine parse(String line) {
            JsonNode node = JSON.readTree(line);
            List<String> recipients = new ArrayList<>();
            node.get("rcpt_to").forEach(recipient -> recipients.add(recipient.stringValue()));
            JsonNode login = node.get("login");
            return new IndexLine(node.get("file").stringValue(), node.get("sink").stringValue(),
                node.get("mail_from").stringValue(), recipients,
                login.isNull() ? Optional.empty() : Optional.of(login.stringValue()), node.get("tls").booleanValue(),
                node.get("helo").stringValue(), node.get("size").intValue(),
                Instant.parse(node.get("time").stringValue()), List.copyOf(node.propertyNames()));
        }
    }

    /** Every line of the index; each must end in a newline, so that a line in pieces fails here. */
    public static List<IndexLine> index(Path directory) throws IOException {
        String text = Files.readString(directory.resolve(CaptureDirectory.INDEX), StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return List.of();
        }
        assertEquals('\n', text.charAt(text.length() - 1), "the index ends with a whole line:\n" + text);
        return text.lines().map(IndexLine::parse).toList();
    }

    /** Waits until the index has at least {@code count} lines, and returns them. */
    public static List<IndexLine> awaitIndex(Path directory, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<IndexLine> lines = index(directory);
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            lines = index(directory);
        }
        return lines;
    }

    /** The names in the directory, sorted; the index among them. */
    public static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** The .eml files of the directory, sorted: the order the messages came in. */
    public static List<String> messageFiles(Path directory) throws IOException {
        return names(directory).stream().filter(name -> name.endsWith(".eml")).toList();
    }

    /** The line's file holds exactly what the sink recorded, and the line describes its envelope. */
    public static void assertDescribes(Path directory, IndexLine line, CapturedMessage captured) throws IOException {
        assertArrayEquals(captured.data(), Files.readAllBytes(directory.resolve(line.file())), line.file());
        assertEquals(captured.sink(), line.sink());
        assertEquals(captured.sender(), line.mailFrom());
        assertEquals(captured.recipients(), line.rcptTo());
        assertEquals(captured.authenticatedAs(), line.login());
        assertEquals(captured.tls(), line.tls());
        assertEquals(captured.helo(), line.helo());
        assertEquals(captured.data().length, line.size());
        assertEquals(captured.received().toEpochMilli(), line.time().toEpochMilli());
    }
}
