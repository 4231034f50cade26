package io.mailform.runtime.postfix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The messages a Postfix instance still holds, counted as queue files. A message is a file in {@code incoming} from
 * the moment smtpd answers 250 to DATA (cleanup wrote it there first), moves to {@code active} while qmgr has it
 * delivered, and is removed once every recipient is delivered or bounced (the bounce is a queue file of its own by
 * then); {@code deferred} holds it between attempts, {@code maildrop} holds local submissions, {@code hold} what is
 * put on hold.
 */
final class PostfixQueue {
    private static final List<String> MESSAGE_QUEUES = List.of("maildrop", "incoming", "active", "deferred", "hold");

    private PostfixQueue() {
    }

    /** The number of queue files; a file that moves between queues while counting is counted as one at least. */
    static long messages(Path queueDirectory) throws IOException {
        long count = 0;
        for (String name : MESSAGE_QUEUES) {
            Path queue = queueDirectory.resolve(name);
            if (!Files.isDirectory(queue)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(queue)) {
                count += files.filter(Files::isRegularFile).count();
            } catch (NoSuchFileException | UncheckedIOException e) {
                // A hashed subdirectory or file vanished while walking: something is moving, so not idle.
                count++;
            }
        }
        return count;
    }
}
