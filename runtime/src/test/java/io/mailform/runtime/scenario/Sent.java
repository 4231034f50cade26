package io.mailform.runtime.scenario;

import java.util.UUID;

/** A message a server accepted: its Message-ID and its subject, both unique, by which it is found again. */
public record Sent(String messageId, String subject) {
    public static Sent unique(String subjectPrefix) {
        String token = UUID.randomUUID().toString();
        return new Sent("<" + token + "@client.test>", subjectPrefix + " " + token);
    }
}
