package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A raw SMTP conversation with the instance from a chosen loopback source address, so that a test sees every reply
 * code and can be a client inside or outside the trusted networks.
 */
final class SmtpSession implements AutoCloseable {
    /** A message the instance accepted: its Message-ID and its subject, both unique. */
    record Sent(String messageId, String subject) {
    }

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private SmtpSession(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(30_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
    }

    /** Connects from {@code source} (any 127.0.0.0/8 address is this host's) and says EHLO. */
    static SmtpSession open(String source, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
        SmtpSession session = new SmtpSession(socket);
        String greeting = session.reply();
        assertTrue(greeting != null && greeting.startsWith("220"), "greeting: " + greeting);
        String ehlo = session.command("EHLO client.test");
        assertTrue(ehlo.startsWith("250"), "EHLO: " + ehlo);
        return session;
    }

    /** Sends one command and returns the last line of the reply. */
    String command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return reply();
    }

    /**
     * MAIL, RCPT and DATA for a new message with a unique subject; every step must be answered with 2xx/3xx, the
     * final reply (to the end of data) is returned so the caller can tell acceptance from refusal.
     */
    String transaction(String sender, List<String> recipients, String subject, String messageId, String body)
            throws IOException {
        String mail = command("MAIL FROM:<" + sender + ">");
        assertTrue(mail.startsWith("250"), "MAIL FROM:<" + sender + ">: " + mail);
        for (String recipient : recipients) {
            String rcpt = command("RCPT TO:<" + recipient + ">");
            assertTrue(rcpt.startsWith("250"), "RCPT TO:<" + recipient + ">: " + rcpt);
        }
        String data = command("DATA");
        assertTrue(data.startsWith("354"), "DATA: " + data);
        StringBuilder text = new StringBuilder()
                .append("From: <").append(sender).append(">\r\n")
                .append("To: ").append(String.join(", ", recipients.stream().map(r -> "<" + r + ">").toList()))
                .append("\r\n")
                .append("Subject: ").append(subject).append("\r\n")
                .append("Message-ID: ").append(messageId).append("\r\n")
                .append("\r\n");
        body.lines().forEach(line -> text.append(line.startsWith(".") ? "." + line : line).append("\r\n"));
        text.append(".");
        return command(text.toString());
    }

    /** One message from {@code sender} to {@code recipients}, which the instance must accept with 250. */
    static Sent send(int port, String sender, String subjectPrefix, String... recipients) throws IOException {
        return sendFrom("127.0.0.1", port, sender, subjectPrefix, "Hello from the instance test.\n", recipients);
    }

    static Sent sendFrom(String source, int port, String sender, String subjectPrefix, String body,
            String... recipients) throws IOException {
        Sent sent = unique(subjectPrefix);
        try (SmtpSession session = open(source, port)) {
            String end = session.transaction(sender, List.of(recipients), sent.subject(), sent.messageId(), body);
            assertTrue(end.startsWith("250"), "end of data for " + sent.subject() + ": " + end);
            session.command("QUIT");
        }
        return sent;
    }

    static Sent unique(String subjectPrefix) {
        String token = UUID.randomUUID().toString();
        return new Sent("<" + token + "@client.test>", subjectPrefix + " " + token);
    }

    private String reply() throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
