package io.mailform.runtime.it;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.mailform.runtime.server.RunningMailSystem;

/** SMTP and IMAP against a running mail system with Angus Mail, the way any mail client would talk to it. */
final class MailClient {
    private final RunningMailSystem system;

    MailClient(RunningMailSystem system) {
        this.system = system;
    }

    static String uniqueSubject(String what) {
        return what + " " + UUID.randomUUID();
    }

    /** Sends from 127.0.0.1 with the given envelope; throws what the server answered if it refused. */
    Sent send(String from, String subject, String... recipients) throws MessagingException {
        return sendFrom("127.0.0.1", from, subject, "Hello.\r\n", recipients);
    }

    /** Sends from {@code localAddress}; returns the Message-ID and subject once the server answered 250. */
    Sent sendFrom(String localAddress, String from, String subject, String body, String... recipients)
            throws MessagingException {
        String messageId = "<" + UUID.randomUUID() + "@client.test>";
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", system.host());
        properties.setProperty("mail.smtp.port", Integer.toString(system.smtpPort()));
        properties.setProperty("mail.smtp.localaddress", localAddress);
        properties.setProperty("mail.smtp.from", from);
        properties.setProperty("mail.smtp.timeout", "20000");
        Session session = Session.getInstance(properties);
        Address[] to = Arrays.stream(recipients).map(MailClient::address).toArray(Address[]::new);
        // Built from raw text: James's javax.mail jar registers its own content handlers in META-INF/mailcap, which
        // Jakarta Activation would then try (and fail) to use for a message built with setText.
        String text = "From: " + (from.isEmpty() ? "mailer-daemon@example.org" : from) + "\r\n"
            + "To: " + String.join(", ", recipients) + "\r\n"
            + "Subject: " + subject + "\r\n"
            + "Message-ID: " + messageId + "\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n"
            + "\r\n"
            + body;
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(ascii(text))) {
            @Override
            protected void updateMessageID() {
                // Keep the Message-ID written above: the accounting finds each message by it.
            }
        };
        Transport.send(message, to);
        return new Sent(messageId, subject);
    }

    /** A message the server accepted: its Message-ID and its subject, unique per message. */
    record Sent(String messageId, String subject) {
    }

    /** A message in a mailbox: its Message-ID header (empty if none) and its whole text. */
    record Stored(String messageId, String text) {
    }

    /** Every message in {@code user}'s INBOX, read over IMAP. */
    List<Stored> mailbox(String user, String password) throws MessagingException {
        return retried(() -> readMailbox(user, password));
    }

    /** One IMAP read of the mailbox. */
    private interface Read<T> {
        T read() throws MessagingException, java.io.IOException;
    }

    /**
     * A read that James's IMAP server may answer with {@code BAD ... Invalid messageset} while a delivery into the
     * same mailbox is under way; a fresh session then reads it fine.
     */
    private static <T> T retried(Read<T> read) throws MessagingException {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.read();
            } catch (MessagingException | java.io.IOException e) {
                if (attempt == 5) {
                    throw e instanceof MessagingException m ? m : new MessagingException("IMAP read failed", e);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MessagingException("interrupted", e);
            }
        }
    }

    private List<Stored> readMailbox(String user, String password) throws MessagingException, java.io.IOException {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.timeout", "20000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(system.host(), system.imapPort(), user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Stored> messages = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    String[] ids = message.getHeader("Message-ID");
                    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
                    message.writeTo(raw);
                    messages.add(new Stored(ids == null ? "" : ids[0].trim(),
                        raw.toString(StandardCharsets.UTF_8)));
                }
                return messages;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static Address address(String text) {
        try {
            return new InternetAddress(text, false);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** The subjects in {@code user}'s INBOX, read over IMAP with the provisioned password. */
    List<String> inboxSubjects(String user, String password) throws MessagingException {
        return retried(() -> readSubjects(user, password));
    }

    private List<String> readSubjects(String user, String password) throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.timeout", "20000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(system.host(), system.imapPort(), user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<String> subjects = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    subjects.add(message.getSubject());
                }
                return subjects;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** Local delivery is asynchronous after the 250: polls the mailbox until the subject shows up or time runs out. */
    List<String> awaitInbox(String user, String password, String subject) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<String> subjects = inboxSubjects(user, password);
        while (!subjects.contains(subject) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            subjects = inboxSubjects(user, password);
        }
        return subjects;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
