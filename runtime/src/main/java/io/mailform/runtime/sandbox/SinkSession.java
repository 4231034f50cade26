package io.mailform.runtime.sandbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.SSLSocket;

/**
 * One SMTP conversation with a {@link CaptureSink}: just enough ESMTP for James's RemoteDelivery and Postfix's smtp
 * client, STARTTLS and AUTH included. Commands are read one line at a time, which also serves a pipelining client.
 */
final class SinkSession implements Runnable {
    private static final byte[] END_OF_DATA = {'.'};
    /** A client that says nothing for this long has gone away. */
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;

    private final CaptureSink sink;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private boolean secure;
    private String helo = "";
    private String sender;
    private final List<String> recipients = new ArrayList<>();
    private Optional<String> user = Optional.empty();
    private Optional<String> password = Optional.empty();

    SinkSession(CaptureSink sink, Socket socket) {
        this.sink = sink;
        this.socket = socket;
    }

    @Override
    public void run() {
        try {
            use(socket);
            reply("220 " + sink.name() + " capture sink ready");
            String line;
            while ((line = readLine()) != null) {
                if (!handle(line)) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away or the handshake failed; what it completed has been recorded.
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // Nothing left to do with this connection.
            }
        }
    }

    private void use(Socket connection) throws IOException {
        socket = connection;
        socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
        // A client waits for the 220 before its TLS handshake, so nothing is buffered past a STARTTLS.
        in = new BufferedInputStream(connection.getInputStream());
        out = connection.getOutputStream();
    }

    /** Returns false when the session ends. */
    private boolean handle(String line) throws IOException {
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        String argument = line.length() > verb.length() ? line.substring(verb.length()).trim() : "";
        switch (verb) {
            case "EHLO" -> {
                helo = argument;
                if (secure) {
                    reply("250-" + sink.name(), "250-8BITMIME", "250-AUTH PLAIN LOGIN", "250 PIPELINING");
                } else {
                    reply("250-" + sink.name(), "250-8BITMIME", "250-STARTTLS", "250-AUTH PLAIN LOGIN",
                        "250 PIPELINING");
                }
            }
            case "STARTTLS" -> startTls();
            case "HELO" -> {
                helo = argument;
                reply("250 " + sink.name());
            }
            case "AUTH" -> authenticate(argument);
            case "MAIL" -> {
                sender = address(argument);
                recipients.clear();
                reply("250 2.1.0 Ok");
            }
            case "RCPT" -> {
                if (sender == null) {
                    reply("503 5.5.1 MAIL first");
                } else {
                    SinkAnswer answer = sink.answer();
                    if (answer == SinkAnswer.ACCEPT) {
                        recipients.add(address(argument));
                    }
                    reply(answer.reply());
                }
            }
            case "DATA" -> receiveData();
            case "RSET" -> {
                sender = null;
                recipients.clear();
                reply("250 2.0.0 Ok");
            }
            case "NOOP" -> reply("250 2.0.0 Ok");
            case "QUIT" -> {
                reply("221 2.0.0 Bye");
                return false;
            }
            default -> reply("502 5.5.2 Command not recognised");
        }
        return true;
    }

    /** RFC 3207: after the handshake the session starts over, without what the client said in clear text. */
    private void startTls() throws IOException {
        if (secure) {
            reply("503 5.5.1 TLS already active");
            return;
        }
        reply("220 2.0.0 Ready to start TLS");
        SSLSocket tls = (SSLSocket) sink.tls().getSocketFactory().createSocket(socket, null, socket.getPort(), true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        use(tls);
        secure = true;
        helo = "";
        sender = null;
        recipients.clear();
        user = Optional.empty();
        password = Optional.empty();
    }

    private void authenticate(String argument) throws IOException {
        String[] parts = argument.split(" ");
        String mechanism = parts[0].toUpperCase(Locale.ROOT);
        if (mechanism.equals("PLAIN")) {
            String response = parts.length > 1 ? parts[1] : challenge("");
            String[] fields = decode(response).split("\0", -1);
            if (fields.length == 3) {
                user = Optional.of(fields[1]);
                password = Optional.of(fields[2]);
            }
        } else if (mechanism.equals("LOGIN")) {
            String name = parts.length > 1 ? decode(parts[1]) : decode(challenge("VXNlcm5hbWU6"));
            user = Optional.of(name);
            password = Optional.of(decode(challenge("UGFzc3dvcmQ6")));
        } else {
            reply("504 5.5.4 Unrecognized authentication type");
            return;
        }
        reply("235 2.7.0 Authentication successful");
    }

    private String challenge(String text) throws IOException {
        reply("334 " + text);
        String line = readLine();
        return line == null ? "" : line;
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private void receiveData() throws IOException {
        if (sender == null || recipients.isEmpty()) {
            reply("503 5.5.1 Need MAIL and RCPT first");
            return;
        }
        reply("354 End data with <CR><LF>.<CR><LF>");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] line;
        while ((line = readRawLine()) != null) {
            byte[] content = stripLineEnd(line);
            if (java.util.Arrays.equals(content, END_OF_DATA)) {
                CapturedMessage message = new CapturedMessage(sink.name(), helo, sender, recipients, user, password,
                    secure, Instant.now(), data.toByteArray());
                sender = null;
                recipients.clear();
                try {
                    sink.record(message);
                } catch (IOException e) {
                    // The sender keeps a message refused with 4xx and tries again: nothing is lost.
                    reply("451 4.3.0 Cannot keep the message: " + e.getMessage().lines().findFirst().orElse(""));
                    return;
                }
                reply("250 2.0.0 Ok: captured");
                return;
            }
            // Dot-stuffing (RFC 5321 4.5.2): a leading dot was doubled by the client.
            int skip = content.length > 0 && content[0] == '.' ? 1 : 0;
            data.write(line, skip, line.length - skip);
        }
    }

    private static byte[] stripLineEnd(byte[] line) {
        int end = line.length;
        if (end > 0 && line[end - 1] == '\n') {
            end--;
        }
        if (end > 0 && line[end - 1] == '\r') {
            end--;
        }
        return java.util.Arrays.copyOf(line, end);
    }

    /** The address inside {@code FROM:<...>} or {@code TO:<...>}, without ESMTP parameters. */
    private static String address(String argument) {
        int open = argument.indexOf('<');
        int close = argument.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            return argument.substring(open + 1, close);
        }
        int colon = argument.indexOf(':');
        return argument.substring(colon + 1).trim().split(" ")[0];
    }

    private String readLine() throws IOException {
        byte[] raw = readRawLine();
        return raw == null ? null : new String(stripLineEnd(raw), StandardCharsets.UTF_8);
    }

    /** One line including its line end, or null at end of stream. */
    private byte[] readRawLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private void reply(String... lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
