package io.mailform.runtime.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message as a capture sink received it: the envelope, the SMTP AUTH identity if the client authenticated,
 * whether the session was encrypted, and the message bytes after dot-unstuffing.
 *
 * @param sink the name of the sink (the next hop it stands in for, or {@code direct})
 * @param helo the name the client gave in its last EHLO or HELO
 * @param sender the MAIL FROM address, empty string for the null sender
 * @param tls whether the message came after a completed STARTTLS
 * @param received when the sink had the whole message (the end of DATA)
 */
public record CapturedMessage(
    String sink,
    String helo,
    String sender,
    List<String> recipients,
    Optional<String> authenticatedAs,
    Optional<String> authPassword,
    boolean tls,
    Instant received,
    byte[] data) {

    public CapturedMessage {
        recipients = List.copyOf(recipients);
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
