package io.mailform.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.mailform.runtime.server.MailServer;

/**
 * A raw SMTP conversation with a server, so that a test sees every reply code, and on Postfix can choose the client
 * address it stands for with XCLIENT.
 */
public final class SmtpSession implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private SmtpSession(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(30_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
    }

    /** Connects, expects the 220 greeting and says EHLO. */
    public static SmtpSession open(MailServer server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.host(), server.smtpPort()), 10_000);
        SmtpSession session = new SmtpSession(socket);
        String greeting = session.reply();
        assertTrue(greeting != null && greeting.startsWith("220"), "greeting: " + greeting);
        session.ehlo();
        return session;
    }

    /**
     * Postfix's XCLIENT: from now on the session stands for a client at {@code address} ({@code 203.0.113.9},
     * {@code IPV6:2001:db8::9}); smtpd greets anew, so EHLO is said again.
     */
    public void xclient(String address) throws IOException {
        String reply = command("XCLIENT ADDR=" + address);
        assertTrue(reply.startsWith("220"), "XCLIENT ADDR=" + address + ": " + reply);
        ehlo();
    }

    private void ehlo() throws IOException {
        String ehlo = command("EHLO client.test");
        assertTrue(ehlo.startsWith("250"), "EHLO: " + ehlo);
    }

    /** Sends one command and returns the last line of the reply. */
    public String command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return reply();
    }

    /**
     * MAIL, RCPT and DATA for {@code sent}; each step must be answered 2xx/3xx. Returns the reply to the end of data,
     * so that the caller can tell acceptance from refusal.
     */
    public String transaction(String sender, List<String> recipients, Sent sent, String body) throws IOException {
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
            .append("Subject: ").append(sent.subject()).append("\r\n")
            .append("Message-ID: ").append(sent.messageId()).append("\r\n")
            .append("\r\n");
        body.lines().forEach(line -> text.append(line.startsWith(".") ? "." + line : line).append("\r\n"));
        text.append(".");
        return command(text.toString());
    }

    /** One new message from {@code sender} to {@code recipients}, which the server must accept with 250. */
    public static Sent send(MailServer server, String sender, String subjectPrefix, String... recipients)
            throws IOException {
        return sendWithBody(server, sender, subjectPrefix, "Hello from the test.\n", recipients);
    }

    public static Sent sendWithBody(MailServer server, String sender, String subjectPrefix, String body,
            String... recipients) throws IOException {
        Sent sent = Sent.unique(subjectPrefix);
        try (SmtpSession session = open(server)) {
            String end = session.transaction(sender, List.of(recipients), sent, body);
            assertTrue(end.startsWith("250"), "end of data for " + sent.subject() + ": " + end);
            session.command("QUIT");
        }
        return sent;
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
