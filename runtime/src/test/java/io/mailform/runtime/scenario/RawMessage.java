package io.mailform.runtime.scenario;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A message as a mailbox or a sink holds it, read as text: its header and its own Message-ID. */
public record RawMessage(String text) {
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]*>)");

    public static RawMessage of(byte[] bytes) {
        return new RawMessage(new String(bytes, StandardCharsets.UTF_8));
    }

    public String headers() {
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? text : text.substring(0, end);
    }

    /** The message's own Message-ID, from its header (a bounce quotes another one in its body). */
    public Optional<String> messageId() {
        Matcher matcher = MESSAGE_ID.matcher(headers());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public boolean isCopyOf(Sent sent) {
        return messageId().equals(Optional.of(sent.messageId()));
    }

    /** A message about {@code sent} that is not {@code sent} itself: a bounce quoting its subject. */
    public boolean isBounceOf(Sent sent) {
        return !isCopyOf(sent) && text.contains(sent.subject());
    }

    /** The header lines that tell messages apart, for failure messages. */
    public String summary() {
        return headers().lines().filter(line -> line.matches("(?i)(from|to|subject|message-id): .*"))
            .reduce((a, b) -> a + " | " + b).orElse(text.lines().findFirst().orElse(""));
    }
}
