package io.mailform.runtime.postfix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The messages of an mbox file as Postfix's local(8) writes it: each begins with a {@code From } line and ends with
 * an empty line, and local(8) writes a body line that begins with {@code From } as {@code >From }, so every line
 * that begins with {@code From } starts a message. Each message comes back without its {@code From } line and the
 * empty line after it, with CRLF line ends as on the wire; the {@code >From } quoting stays, as it cannot be told
 * from a line that began with {@code >From }.
 */
final class Mbox {
    private static final byte[] SEPARATOR = "From ".getBytes(StandardCharsets.US_ASCII);

    private Mbox() {
    }

    /**
     * The messages of {@code file}, none when it does not exist. Read under a shared lock, which waits for a
     * delivery in progress: local(8) holds an exclusive fcntl lock while it appends.
     */
    static List<byte[]> read(Path file) throws IOException {
        return split(tail(file, 0));
    }

    /**
     * The bytes of {@code file} from {@code offset} to its end, read under a shared lock as {@link #read} does; none
     * when the file does not exist or is no longer than {@code offset}.
     */
    static byte[] tail(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                FileLock lock = channel.lock(0, Long.MAX_VALUE, true)) {
            long size = channel.size();
            if (size <= offset) {
                return new byte[0];
            }
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - offset));
            channel.position(offset);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // Read until full: the size was taken under the lock.
            }
            return buffer.array();
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    /** Whether a line that starts at {@code start} of {@code content} starts a message. */
    static boolean startsMessage(byte[] content, int start) {
        return content.length - start >= SEPARATOR.length
            && Arrays.equals(content, start, start + SEPARATOR.length, SEPARATOR, 0, SEPARATOR.length);
    }

    static List<byte[]> split(byte[] content) {
        List<byte[]> messages = new ArrayList<>();
        ByteArrayOutputStream message = null;
        boolean lastLineEmpty = false;
        int start = 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            byte[] line = Arrays.copyOfRange(content, start, end);
            start = end + 1;
            if (startsWith(line, SEPARATOR)) {
                finish(message, messages);
                message = new ByteArrayOutputStream();
                lastLineEmpty = false;
                continue;
            }
            if (message == null) {
                continue;
            }
            // The empty line that ends a message is written only once the next line shows it was not the last.
            if (lastLineEmpty) {
                message.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            lastLineEmpty = line.length == 0;
            if (!lastLineEmpty) {
                message.writeBytes(line);
                message.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        finish(message, messages);
        return messages;
    }

    private static void finish(ByteArrayOutputStream message, List<byte[]> messages) {
        if (message != null) {
            messages.add(message.toByteArray());
        }
    }

    private static boolean startsWith(byte[] line, byte[] prefix) {
        return line.length >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
    }
}
