package io.mailform.oracle;

import java.util.List;

/**
 * One SMTP transaction as a client sends it: from where, the envelope, and the size of the message (which the
 * client declares in {@code MAIL FROM ... SIZE=}, as mail servers do).
 */
public record Envelope(Client client, String sender, List<String> recipients, long size) {
    public Envelope {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs a recipient");
        }
    }
}
