package io.mailform.runtime.postfix;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import io.mailform.runtime.config.StartupException;

/**
 * The system accounts private instances add to the host, shared by every instance that needs one at the same time
 * (two test runs on one machine, the hosts of a fleet): an account mailform added is marked in
 * {@code /run/mailform/accounts}, each instance using it holds a shared lock on its file, and the last one to stop
 * removes it. An account the host had before is never touched. A mark left by an instance that died is taken over by
 * the next instance that needs the account, which removes it when it stops. Within one JVM, where a file is locked
 * once, instances share that lock by count.
 */
final class SharedAccounts {
    private static final Path DIRECTORY = Path.of("/run/mailform/accounts");
    private static final Map<String, Holder> HELD = new HashMap<>();

    /** The lock this JVM holds on one account's file, and how many of its instances use the account. */
    private static final class Holder {
        private final FileChannel channel;
        private final FileLock lock;
        private int users = 1;

        Holder(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }
    }

    private SharedAccounts() {
    }

    /**
     * Makes sure the host has {@code name} for one instance; returns true when the account is mailform's (added now or
     * by another instance that still runs or died), which {@link #release} gives back, false when the host had it.
     */
    static boolean take(String name) throws StartupException, IOException {
        synchronized (HELD) {
            Holder held = HELD.get(name);
            if (held != null) {
                held.users++;
                return true;
            }
            try (FileChannel directory = exclusive()) {
                Path mark = DIRECTORY.resolve(name + ".added");
                if (SystemAccounts.exists(name) && !Files.exists(mark)) {
                    return false;
                }
                // Read for the shared lock, write for the exclusive one that release tries.
                FileChannel channel = FileChannel.open(DIRECTORY.resolve(name + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
                try {
                    FileLock lock = channel.lock(0, Long.MAX_VALUE, true);
                    if (!SystemAccounts.exists(name)) {
                        // The mark comes first: an account without it would pass for the host's own for ever.
                        Files.writeString(mark, "added by mailform for a private Postfix instance\n");
                        try {
                            SystemAccounts.create(name);
                        } catch (StartupException | RuntimeException e) {
                            Files.deleteIfExists(mark);
                            throw e;
                        }
                    }
                    HELD.put(name, new Holder(channel, lock));
                    return true;
                } catch (StartupException | IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            }
        }
    }

    /** Gives an account {@link #take} returned true for back; the last instance on the host removes it. */
    static void release(String name) throws IOException {
        synchronized (HELD) {
            Holder held = HELD.get(name);
            if (held == null || --held.users > 0) {
                return;
            }
            HELD.remove(name);
            try (FileChannel directory = exclusive(); FileChannel channel = held.channel) {
                held.lock.release();
                FileLock alone = channel.tryLock(0, Long.MAX_VALUE, false);
                if (alone != null) {
                    if (SystemAccounts.exists(name)) {
                        SystemAccounts.remove(name);
                    }
                    Files.deleteIfExists(DIRECTORY.resolve(name + ".added"));
                    alone.release();
                }
            }
        }
    }

    /** Drops this JVM's hold on an account without giving it back, as an instance that dies does; for tests. */
    static void forget(String name) throws IOException {
        synchronized (HELD) {
            Holder held = HELD.remove(name);
            if (held != null) {
                held.channel.close();
            }
        }
    }

    /** The lock over the whole directory, held while one account is checked and added or removed. */
    private static FileChannel exclusive() throws IOException {
        Files.createDirectories(DIRECTORY.getParent());
        if (!Files.isDirectory(DIRECTORY)) {
            Files.createDirectories(DIRECTORY, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        }
        FileChannel channel = FileChannel.open(DIRECTORY.resolve(".lock"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        try {
            channel.lock();
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
