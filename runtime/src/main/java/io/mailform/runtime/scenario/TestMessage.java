package io.mailform.runtime.scenario;

import java.nio.charset.StandardCharsets;

/**
 * One message a case sends. Its token is unique in the run and appears in the Subject and the Message-ID, so that a
 * copy is recognised by its Message-ID and a bounce (which has its own) by the token in the report it carries.
 */
public record TestMessage(String token, byte[] bytes) {
    public static final String DOMAIN = "mailform.test";
    private static final int LINE = 76;

    public String messageId() {
        return "<" + token + "@" + DOMAIN + ">";
    }

    /**
     * A plain-text message of exactly {@code size} bytes (CRLF line ends) when that is more than its headers need, else
     * a short one.
     */
    public static TestMessage build(String token, String caseName, String from, long size) {
        String headers = "From: " + (from.isEmpty() ? "MAILER-DAEMON@" + DOMAIN : from) + "\r\n"
            + "To: undisclosed-recipients:;\r\n"
            + "Subject: " + caseName.replace('\r', ' ').replace('\n', ' ') + " [" + token + "]\r\n"
            + "Message-ID: <" + token + "@" + DOMAIN + ">\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "\r\n"
            + "This message tests the case \"" + caseName + "\".\r\n";
        StringBuilder text = new StringBuilder(headers);
        long missing = size - text.toString().getBytes(StandardCharsets.UTF_8).length;
        while (missing >= LINE + 2) {
            text.append("x".repeat(LINE)).append("\r\n");
            missing -= LINE + 2;
        }
        if (missing >= 3) {
            text.append("x".repeat((int) missing - 2)).append("\r\n");
        }
        return new TestMessage(token, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
