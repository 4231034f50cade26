package io.mailform.emit.postfix;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small SMTP server on 127.0.0.1 that stands in for every host a private Postfix instance would send mail to: it
 * accepts every message and records its envelope and text instead of delivering it. It offers STARTTLS, so that a
 * compiled {@code smtp_tls_security_level = encrypt} is honoured as written and can be seen to have been.
 */
final class CaptureSink implements AutoCloseable {
    /** What Postfix handed over in one transaction. */
    record Captured(String helo, String sender, List<String> recipients, String text, boolean tls) {
    }

    /** The name the sink greets with; never the instance's own, which Postfix would take for a mail loop. */
    static final String NAME = "sink.test";

    private final ServerSocket socket;
    private final SSLContext tls;
    private final ExecutorService sessions = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "capture-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Captured> messages = new ArrayList<>();

    private CaptureSink(ServerSocket socket, SSLContext tls) {
        this.socket = socket;
        this.tls = tls;
    }

    static CaptureSink start(SSLContext tls) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        CaptureSink sink = new CaptureSink(socket, tls);
        sink.sessions.execute(sink::acceptLoop);
        return sink;
    }

    /**
     * A TLS context with a fresh self-signed key, made by the JDK's keytool: Postfix's smtp client does not verify
     * the certificate at the levels may and encrypt, it only needs one.
     */
    static SSLContext selfSignedTls(PostfixTools tools) throws IOException, GeneralSecurityException {
        Path directory = Files.createTempDirectory("mailform-sink-");
        Path keystore = directory.resolve("sink.p12");
        try {
            return load(tools, keystore);
        } finally {
            Files.deleteIfExists(keystore);
            Files.delete(directory);
        }
    }

    private static SSLContext load(PostfixTools tools, Path keystore) throws IOException, GeneralSecurityException {
        char[] password = "capture-sink".toCharArray();
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        PostfixTools.Result made = tools.run(List.of(keytool.toString(), "-genkeypair", "-alias", "sink",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=" + NAME, "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(password)));
        if (made.exitCode() != 0) {
            throw new IOException("keytool could not make the sink's key: " + made);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream stream = Files.newInputStream(keystore)) {
            store.load(stream, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    int port() {
        return socket.getLocalPort();
    }

    synchronized List<Captured> messages() {
        return List.copyOf(messages);
    }

    private synchronized void record(Captured message) {
        messages.add(message);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                sessions.execute(() -> serve(client));
            } catch (IOException e) {
                // Closed while waiting: the sink is shutting down.
            }
        }
    }

    private void serve(Socket client) {
        try (Socket closing = client) {
            new Session(client).run();
        } catch (IOException e) {
            // The client went away; whatever it completed has been recorded.
        }
    }

    /** One SMTP connection: commands one line at a time, which also serves a pipelining client. */
    private final class Session {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean secure;
        private String helo = "";
        private String sender;
        private final List<String> recipients = new ArrayList<>();

        Session(Socket socket) throws IOException {
            use(socket);
        }

        private void use(Socket connection) throws IOException {
            socket = connection;
            socket.setSoTimeout(30_000);
            // The client waits for the 220 before its TLS handshake, so nothing is buffered past a STARTTLS.
            in = new BufferedInputStream(connection.getInputStream());
            out = connection.getOutputStream();
        }

        void run() throws IOException {
            reply("220 " + NAME + " ESMTP capture sink");
            for (String line = readLine(); line != null; line = readLine()) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> {
                        helo = line.substring(4).strip();
                        reply("250-" + NAME + "\r\n250-8BITMIME\r\n" + (secure ? "" : "250-STARTTLS\r\n")
                                + "250 PIPELINING");
                    }
                    case "HELO" -> {
                        helo = line.substring(4).strip();
                        reply("250 " + NAME);
                    }
                    case "STAR" -> startTls();
                    case "MAIL" -> {
                        sender = address(line);
                        recipients.clear();
                        reply("250 2.1.0 Ok");
                    }
                    case "RCPT" -> {
                        recipients.add(address(line));
                        reply("250 2.1.5 Ok");
                    }
                    case "DATA" -> data();
                    case "RSET" -> {
                        sender = null;
                        recipients.clear();
                        reply("250 2.0.0 Ok");
                    }
                    case "QUIT" -> {
                        reply("221 2.0.0 Bye");
                        return;
                    }
                    default -> reply("250 2.0.0 Ok");
                }
            }
        }

        private void startTls() throws IOException {
            reply("220 2.0.0 Ready to start TLS");
            SSLSocket wrapped = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
            wrapped.setUseClientMode(false);
            wrapped.startHandshake();
            use(wrapped);
            secure = true;
            helo = "";
        }

        private void data() throws IOException {
            reply("354 End data with <CR><LF>.<CR><LF>");
            StringBuilder text = new StringBuilder();
            for (String line = readLine(); line != null && !line.equals("."); line = readLine()) {
                text.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
            }
            record(new Captured(helo, sender, List.copyOf(recipients), text.toString(), secure));
            sender = null;
            recipients.clear();
            reply("250 2.0.0 Ok: captured");
        }

        private void reply(String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** A line without its CRLF. */
        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
                }
                line.write(b);
            }
            return null;
        }
    }

    /** The address between the angle brackets of MAIL FROM:&lt;...&gt; or RCPT TO:&lt;...&gt;. */
    private static String address(String command) {
        int open = command.indexOf('<');
        int close = command.indexOf('>', open + 1);
        return open < 0 || close < 0 ? command.substring(command.indexOf(':') + 1).strip()
                : command.substring(open + 1, close);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        sessions.shutdownNow();
    }

    @Override
    public String toString() {
        return "capture sink on 127.0.0.1:" + port();
    }
}
