package io.mailform.runtime.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An SMTP connection that writes whatever bytes it is given, in one write (a pipelining client, bare LF, a line of
 * any length, half a message), and reads replies one at a time. Only the code of each reply is kept.
 */
final class RawSession implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawSession(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawSession open(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        return new RawSession(socket);
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The code of the next reply, after all of its lines; -1 when the server closed the connection instead. */
    int reply() throws IOException {
        while (true) {
            String line = line();
            if (line == null) {
                return -1;
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return Integer.parseInt(line.substring(0, 3));
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return buffer.toString(StandardCharsets.UTF_8).stripTrailing();
            }
            buffer.write(b);
        }
        return null;
    }

    /** Closes the connection as a client that vanishes does: no QUIT. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
