package io.mailform.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces one file atomically: the content is written and synced beside it under a temporary name, then renamed
 * over it, so that a reader sees the old file or the new one, never a part of either.
 */
public final class AtomicFileWriter {
    public void write(Path target, byte[] content) throws OutputWriteException {
        Path file = target.toAbsolutePath().normalize();
        Path parent = file.getParent();
        if (parent == null || Files.isDirectory(file)) {
            throw new OutputWriteException("cannot write " + target + ": it is a directory");
        }
        Path temporary = parent.resolve("." + file.getFileName() + ".mailform-new-" + UUID.randomUUID());
        try {
            Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the original error says what went wrong
            }
            String reason = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such directory" : e.getMessage();
            throw new OutputWriteException("cannot write " + target + ": " + reason, e);
        }
    }
}
