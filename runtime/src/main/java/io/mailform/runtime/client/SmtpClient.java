package io.mailform.runtime.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import io.mailform.delivery.Reply;

/**
 * A plain SMTP client that sends exactly what it is told, so that tests can send what no mail library would (source
 * routes, quoted local parts, XCLIENT) and read every reply code. One command, one reply; DATA sends the message
 * dot-stuffed with CRLF line ends. STARTTLS turns the same connection into TLS.
 */
public final class SmtpClient implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final Reply greeting;
    private List<String> lastLines = List.of();

    private SmtpClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.greeting = reply();
    }

    public static SmtpClient connect(String host, int port, Duration timeout) throws IOException {
        return connect(host, port, null, timeout);
    }

    /**
     * Connects from {@code localAddress} (e.g. 127.0.0.2, which Linux routes like any loopback address), so that the
     * server sees that client address without XCLIENT; null lets the system choose.
     */
    public static SmtpClient connect(String host, int port, String localAddress, Duration timeout)
            throws IOException {
        Socket socket = new Socket();
        try {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return new SmtpClient(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    public Reply greeting() {
        return greeting;
    }

    /** Sends one command line and returns the server's reply (its last line; {@link #lastLines()} has them all). */
    public Reply command(String line) throws IOException {
        return command(line.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one command line as these bytes exactly (8-bit text in any encoding, or none), then CRLF. */
    public Reply command(byte[] line) throws IOException {
        for (byte b : line) {
            if (b == '\r' || b == '\n') {
                throw new IllegalArgumentException("a command is one line: "
                    + new String(line, StandardCharsets.UTF_8));
            }
        }
        // One write: a line sent in two would wait for the server's delayed ACK (Nagle) before its CRLF.
        byte[] command = Arrays.copyOf(line, line.length + 2);
        command[line.length] = '\r';
        command[line.length + 1] = '\n';
        out.write(command);
        out.flush();
        return reply();
    }

    /** Every line of the last reply, e.g. the EHLO keywords. */
    public List<String> lastLines() {
        return lastLines;
    }

    /** DATA, then the message: returns the 354 refusal if there is one, else the reply to the end of the message. */
    public Reply data(byte[] message) throws IOException {
        Reply start = command("DATA");
        if (start.code() != 354) {
            return start;
        }
        byte[] stuffed = dotStuffed(message);
        byte[] withEnd = Arrays.copyOf(stuffed, stuffed.length + 3);
        withEnd[stuffed.length] = '.';
        withEnd[stuffed.length + 1] = '\r';
        withEnd[stuffed.length + 2] = '\n';
        out.write(withEnd);
        out.flush();
        return reply();
    }

    /**
     * STARTTLS, then the TLS handshake on the same connection, trusting what {@code context} trusts and checking that
     * the certificate names {@code hostName}, as a client at TLS level verify does. Returns the reply to STARTTLS;
     * after its 220 the session starts afresh (RFC 3207), so the next command is EHLO.
     */
    public Reply startTls(SSLContext context, String hostName) throws IOException {
        Reply reply = command("STARTTLS");
        if (reply.code() != 220) {
            return reply;
        }
        SSLSocket secure = (SSLSocket) context.getSocketFactory().createSocket(socket, hostName, socket.getPort(),
            true);
        SSLParameters parameters = secure.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        secure.setSSLParameters(parameters);
        secure.startHandshake();
        socket = secure;
        in = new BufferedInputStream(secure.getInputStream());
        out = secure.getOutputStream();
        return reply;
    }

    /** RFC 5321 4.5.2: a line that starts with a dot gets another; the message ends with CRLF. */
    static byte[] dotStuffed(byte[] message) {
        ByteArrayOutputStream stuffed = new ByteArrayOutputStream(message.length + 64);
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                stuffed.write('.');
            }
            stuffed.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            stuffed.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return stuffed.toByteArray();
    }

    private Reply reply() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = readLine();
            if (line == null) {
                throw new IOException("the server closed the connection"
                    + (lines.isEmpty() ? "" : " after " + String.join(" | ", lines)));
            }
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        lastLines = List.copyOf(lines);
        try {
            return Reply.parse(line);
        } catch (IllegalArgumentException e) {
            throw new IOException("not an SMTP reply: " + line, e);
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    /** QUIT if the connection still stands, then close it. */
    @Override
    public void close() {
        try {
            if (!socket.isClosed()) {
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                reply();
            }
        } catch (IOException e) {
            // The server may already have closed its side; the socket is closed below either way.
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // Nothing more to release.
            }
        }
    }
}
