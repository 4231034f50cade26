package io.mailform.output;

import io.mailform.emit.OutputFile;
import io.mailform.emit.OutputTree;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Replaces an output directory as a whole: the new tree is written and synced in a sibling staging directory, then
 * renamed into place. After any failure the target is exactly as before. A directory that holds files but no
 * manifest is refused, so that a mistyped {@code -o} never deletes someone's files. A target that is a symbolic link
 * is followed once, to a directory that the same rule admits; the link stays and the directory it names is replaced.
 * Nothing below the old directory is followed: its links are removed, never what they point at.
 *
 * <p>Between moving the old directory aside and the new one into place there is no directory at all; a process killed
 * in that instant leaves the old one beside the target as {@code .NAME.mailform-old-*}, and the next write puts it
 * back before anything else.
 */
public final class AtomicTreeWriter {
    private static final String STAGING_INFIX = ".mailform-new-";
    private static final String OLD_INFIX = ".mailform-old-";

    /** Called before each step that touches the disk; a test makes one of them fail as a disk would. */
    interface Steps {
        Steps NONE = step -> { };

        void before(String step) throws IOException;
    }

    private final Steps steps;

    public AtomicTreeWriter() {
        this(Steps.NONE);
    }

    AtomicTreeWriter(Steps steps) {
        this.steps = steps;
    }

    public void write(Path target, OutputTree tree, byte[] manifest) throws OutputWriteException {
        Path directory = resolve(target.toAbsolutePath().normalize());
        Path parent = directory.getParent();
        if (parent == null) {
            throw new OutputWriteException("refusing to write into the file system root");
        }
        recoverInterruptedSwap(directory);
        checkReplaceable(directory);
        Path staging = parent.resolve(ownName(directory, STAGING_INFIX));
        try {
            Files.createDirectories(parent);
            steps.before("create " + staging.getFileName());
            Files.createDirectory(staging);
            for (Map.Entry<String, OutputFile> entry : tree.files().entrySet()) {
                writeFile(staging.resolve(entry.getKey()), entry.getValue());
            }
            writeFile(staging.resolve(Manifest.FILE_NAME), new OutputFile(manifest, OutputFile.PUBLIC));
            steps.before("sync " + staging.getFileName());
            syncDirectory(staging);
            swap(staging, directory);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new OutputWriteException("cannot write " + target + ": " + describe(e), e);
        }
    }

    /** The directory to replace: the target, or the directory a link in its place names. */
    private static Path resolve(Path target) throws OutputWriteException {
        if (!Files.isSymbolicLink(target)) {
            return target;
        }
        Path real;
        try {
            real = target.toRealPath();
        } catch (IOException e) {
            throw new OutputWriteException(target + " is a symbolic link to " + linkText(target)
                    + ", which does not exist; remove the link or create the directory it names");
        }
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputWriteException(target + " is a symbolic link to " + real + ", which is not a directory");
        }
        return real;
    }

    private static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "an unreadable target";
        }
    }

    /** A sibling's name that says whose it is: {@code .NAME.mailform-new-PID-RANDOM}. */
    private static String ownName(Path directory, String infix) {
        return "." + directory.getFileName() + infix + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    }

    /**
     * A write killed between its two renames left no directory and the old one aside: puts that back. Staging
     * directories of killed writes are removed; they were never the output. Siblings of a process still running (a
     * concurrent write) are left to it.
     */
    private static void recoverInterruptedSwap(Path directory) throws OutputWriteException {
        String staging = "." + directory.getFileName() + STAGING_INFIX;
        String aside = "." + directory.getFileName() + OLD_INFIX;
        List<Path> old = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(directory.getParent())) {
            for (Path sibling : siblings) {
                String name = sibling.getFileName().toString();
                if (name.startsWith(staging) && writerEnded(name.substring(staging.length()))) {
                    deleteQuietly(sibling);
                } else if (name.startsWith(aside) && writerEnded(name.substring(aside.length()))) {
                    old.add(sibling);
                }
            }
        } catch (NoSuchFileException e) {
            return; // no parent yet: nothing was ever written here
        } catch (IOException e) {
            throw new OutputWriteException("cannot read " + directory.getParent() + ": " + describe(e), e);
        }
        if (old.size() == 1 && !Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.move(old.get(0), directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new OutputWriteException("cannot put the earlier output " + old.get(0) + " back in place as "
                        + directory + ": " + describe(e), e);
            }
        } else if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            old.forEach(AtomicTreeWriter::deleteQuietly); // the swap completed; only the removal was cut short
        }
    }

    /** Whether the process named at the start of {@code pidAndRandom} has ended; unreadable names count as ended. */
    private static boolean writerEnded(String pidAndRandom) {
        int dash = pidAndRandom.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? pidAndRandom : pidAndRandom.substring(0, dash));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return true;
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

    private void writeFile(Path path, OutputFile file) throws IOException {
        Files.createDirectories(path.getParent());
        steps.before("write " + path.getFileName());
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

    /**
     * Renames the old directory aside, the new one into place, syncs the parent, then removes the old; undoes the
     * renames that happened when a later one or the sync fails.
     */
    private void swap(Path staging, Path directory) throws IOException {
        Path parent = directory.getParent();
        Path old = null;
        if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            old = parent.resolve(ownName(directory, OLD_INFIX));
            steps.before("move " + directory.getFileName() + " aside");
            Files.move(directory, old, StandardCopyOption.ATOMIC_MOVE);
        }
        boolean inPlace = false;
        try {
            steps.before("move " + staging.getFileName() + " into place");
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
            inPlace = true;
            steps.before("sync the directory holding " + directory.getFileName());
            syncDirectory(parent);
        } catch (IOException e) {
            if (inPlace) {
                Files.move(directory, staging, StandardCopyOption.ATOMIC_MOVE);
            }
            if (old != null) {
                Files.move(old, directory, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
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
