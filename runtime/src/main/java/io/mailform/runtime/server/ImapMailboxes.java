package io.mailform.runtime.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** The INBOX of an account of the running James, read over IMAP with Angus Mail as any mail client reads it. */
final class ImapMailboxes {
    private static final int ATTEMPTS = 5;
    private static final long PAUSE_MILLIS = 200;
    private static final String TIMEOUT_MILLIS = "20000";

    private final String host;
    private final int port;

    ImapMailboxes(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** How many messages the INBOX holds. */
    int count(String account, String password) throws IOException {
        return retried(() -> inInbox(account, password, Folder::getMessageCount));
    }

    /** Every message of the INBOX in the order stored, as the raw bytes IMAP returns for it. */
    List<byte[]> messages(String account, String password) throws IOException {
        return messages(account, password, 0);
    }

    /** The messages of the INBOX from the {@code first}-th on (counting from 0), as {@link #messages} reads them. */
    List<byte[]> messages(String account, String password, int first) throws IOException {
        return retried(() -> inInbox(account, password, inbox -> {
            List<byte[]> messages = new ArrayList<>();
            int count = inbox.getMessageCount();
            if (first >= count) {
                return messages;
            }
            for (Message message : inbox.getMessages(first + 1, count)) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                messages.add(raw.toByteArray());
            }
            return messages;
        }));
    }

    private interface FolderRead<T> {
        T read(Folder inbox) throws MessagingException, IOException;
    }

    private interface Attempt<T> {
        T run() throws MessagingException, IOException;
    }

    private <T> T inInbox(String account, String password, FolderRead<T> read) throws MessagingException, IOException {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.imap.connectiontimeout", TIMEOUT_MILLIS);
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(host, port, account, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return read.read(inbox);
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /**
     * James's IMAP server may answer {@code BAD ... Invalid messageset} while a delivery into the same mailbox is
     * under way; a fresh session then reads it fine.
     */
    private static <T> T retried(Attempt<T> attempt) throws IOException {
        for (int number = 1; ; number++) {
            try {
                return attempt.run();
            } catch (MessagingException | IOException e) {
                if (number == ATTEMPTS) {
                    throw e instanceof IOException io ? io : new IOException("IMAP: " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading a mailbox over IMAP", e);
            }
        }
    }
}
