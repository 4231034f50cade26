package io.mailform.runtime.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.mailform.runtime.server.RunningMailSystem;

/** A raw SMTP conversation, for envelopes no mail library would send (bare addresses) and for reading reply codes. */
final class SmtpDialog implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private final String greeting;

    SmtpDialog(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(20_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
        greeting = replyLines().get(0);
    }

    /**
     * A session that speaks as a client at {@code address}, through Postfix's XCLIENT: how tests choose the client's
     * address on James and on Postfix alike, as both listen on loopback. It has said EHLO.
     */
    static SmtpDialog asClient(RunningMailSystem system, String address) throws IOException {
        SmtpDialog dialog = new SmtpDialog(system.host(), system.smtpPort());
        dialog.command("EHLO client.example");
        String reply = dialog.command("XCLIENT ADDR=" + address);
        if (!reply.startsWith("220")) {
            dialog.close();
            throw new IllegalStateException("XCLIENT ADDR=" + address + " was refused: " + reply);
        }
        dialog.command("EHLO client.example");
        return dialog;
    }

    String greeting() {
        return greeting;
    }

    /** Sends one command and returns the last line of the reply. */
    String command(String line) throws IOException {
        List<String> lines = commandReply(line);
        return lines.get(lines.size() - 1);
    }

    /** Sends one command and returns every line of the reply, as EHLO lists the extensions. */
    List<String> commandReply(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return replyLines();
    }

    /**
     * A whole transaction with a message of a unique subject and Message-ID; returns the message once the server
     * accepted it, and throws with the first reply that is not a success.
     */
    MailClient.Sent send(String sender, String subject, String... recipients) throws IOException {
        expect(command("MAIL FROM:<" + sender + ">"), "250");
        for (String recipient : recipients) {
            expect(command("RCPT TO:" + (recipient.startsWith("<") ? recipient : "<" + recipient + ">")), "250");
        }
        expect(command("DATA"), "354");
        String messageId = "<" + UUID.randomUUID() + "@client.test>";
        expect(command("From: <" + sender + ">\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId
            + "\r\n\r\nHello.\r\n."), "250");
        return new MailClient.Sent(messageId, subject);
    }

    private static void expect(String reply, String code) throws IOException {
        if (reply == null || !reply.startsWith(code)) {
            throw new IOException("expected " + code + ", got: " + reply);
        }
    }

    private List<String> replyLines() throws IOException {
        List<String> lines = new ArrayList<>();
        String line = in.readLine();
        lines.add(line);
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
            lines.add(line);
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
