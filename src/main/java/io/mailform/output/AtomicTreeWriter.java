package io.mailform.output;

import io.mailform.emit.OutputFile;
import io.mailform.emit.OutputTree;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Replaces an output directory as a whole: the new tree is written and synced in a sibling staging directory, then
 * renamed into place. After any failure the target is exactly as before. A directory that holds files but no
 * manifest is refused, so that a mistyped {@code -o} never deletes someone's files.
 */
public final class AtomicTreeWriter {
    public void write(Path target, OutputTree tree, byte[] manifest) throws OutputWriteException {
        Path directory = target.toAbsolutePath().normalize();
        Path parent = directory.getParent();
        if (parent == null) {
            throw new OutputWriteException("refusing to write into the file system root");
        }
        checkReplaceable(directory);
        Path staging = parent.resolve("." + directory.getFileName() + ".mailform-new-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            Files.createDirectory(staging);
            for (Map.Entry<String, OutputFile> entry : tree.files().entrySet()) {
                writeFile(staging.resolve(entry.getKey()), entry.getValue());
            }
            writeFile(staging.resolve(Manifest.FILE_NAME), new OutputFile(manifest, OutputFile.PUBLIC));
            syncDirectory(staging);
            swap(staging, directory);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new OutputWriteException("cannot write " + target + ": " + describe(e), e);
        }
    }

    private static void checkReplaceable(Path directory) throws OutputWriteException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputWriteException(directory + " exists and is not a directory");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            boolean empty = !entries.iterator().hasNext();
            if (!empty && !Files.isRegularFile(directory.resolve(Manifest.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
                throw new OutputWriteException(directory + " holds files that mailform did not write (no "
                        + Manifest.FILE_NAME + "); choose a new or empty output directory");
            }
        } catch (IOException e) {
            throw new OutputWriteException("cannot read " + directory + ": " + describe(e), e);
        }
    }

    private static void writeFile(Path path, OutputFile file) throws IOException {
        Files.createDirectories(path.getParent());
        Set<PosixFilePermission> permissions = permissions(file.mode());
        // Created with its final mode, so a secret is never readable by others, not even for a moment.
        Files.createFile(path, PosixFilePermissions.asFileAttribute(permissions));
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(file.content()));
            channel.force(true);
        }
        Files.setPosixFilePermissions(path, permissions); // the umask may have narrowed the mode at creation
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                result.add(order[bit]);
            }
        }
        return result;
    }

    /** Renames the old directory aside, the new one into place, then removes the old; undoes the first on failure. */
    private static void swap(Path staging, Path directory) throws IOException {
        Path parent = directory.getParent();
        Path old = null;
        if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            old = parent.resolve("." + directory.getFileName() + ".mailform-old-" + UUID.randomUUID());
            Files.move(directory, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, directory, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        syncDirectory(parent);
        if (old != null) {
            deleteQuietly(old);
        }
    }

    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort: a leftover hidden staging directory is harmless and named as ours
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }

    private static String describe(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way: " + e.getMessage();
        }
        String reason = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (reason == null ? "" : " " + reason);
    }
}
