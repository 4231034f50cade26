package io.mailform.emit.postfix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages of an mbox file as local(8) writes it: each starts with a "From " line (a body line that starts
 * so is written as "&gt;From "), so the file splits there.
 */
final class Mbox {
    private static final Pattern SEPARATOR = Pattern.compile("(?m)^From ");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]*>)");

    /** One stored message without its "From " line. */
    record Message(String text) {
        /** A message the capture sink received, with its line ends as an mbox file has them. */
        static Message of(CaptureSink.Captured captured) {
            return new Message(captured.text().replace("\r\n", "\n"));
        }

        String headers() {
            int end = text.indexOf("\n\n");
            return end < 0 ? text : text.substring(0, end);
        }

        /** The message's own Message-ID, from its header (a bounce quotes another one in its body). */
        Optional<String> messageId() {
            Matcher matcher = MESSAGE_ID.matcher(headers());
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
    }

    private Mbox() {
    }

    /** The messages in {@code file}, none if it does not exist yet. */
    static List<Message> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            String content = Files.readString(file, StandardCharsets.ISO_8859_1);
            List<Message> messages = new ArrayList<>();
            for (String part : SEPARATOR.split(content)) {
                if (!part.isBlank()) {
                    messages.add(new Message(part.substring(part.indexOf('\n') + 1)));
                }
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
