package io.mailform.runtime.postfix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each message of one mbox file starts, read as the file grows: local(8) only appends whole messages, so each
 * look reads just what was added since the last one, however large the mailbox has become. A file that shrank (an
 * account removed and made again) is read from its start again.
 */
final class MboxIndex {
    private final Path file;
    private final List<Long> starts = new ArrayList<>();
    private long read;
    private boolean atLineStart = true;

    MboxIndex(Path file) {
        this.file = file;
    }

    /** Reads what was appended since the last call, if anything; returns the number of messages. */
    int update(long size) throws IOException {
        if (size < read) {
            starts.clear();
            read = 0;
            atLineStart = true;
        }
        if (size > read) {
            byte[] added = Mbox.tail(file, read);
            for (int i = 0; i < added.length; i++) {
                if (atLineStart && Mbox.startsMessage(added, i)) {
                    starts.add(read + i);
                }
                atLineStart = added[i] == '\n';
            }
            read += added.length;
        }
        return starts.size();
    }

    /** The messages from the {@code first}-th on, as {@link Mbox#read} gives them. */
    List<byte[]> messagesFrom(int first) throws IOException {
        if (first >= starts.size()) {
            return List.of();
        }
        long from = starts.get(first);
        byte[] bytes = Mbox.tail(file, from);
        return Mbox.split(Arrays.copyOf(bytes, Math.toIntExact(Math.min(bytes.length, read - from))));
    }
}
