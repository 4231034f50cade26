package io.mailform.runtime.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The runtime's temporary directories (the working copy of the configuration, a compiled description): deleted when
 * the system stops, and by a shutdown hook when the JVM ends first, e.g. on SIGTERM while James is still starting.
 */
public final class TemporaryDirectories {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(TemporaryDirectories::delete),
            "mailform-temporary-directories"));
    }

    private TemporaryDirectories() {
    }

    static Path create(String prefix) throws IOException {
        return register(Files.createTempDirectory(prefix));
    }

    /** A directory made elsewhere that is now the runtime's to delete. */
    public static Path register(Path directory) {
        LIVE.add(directory);
        return directory;
    }

    public static void delete(Path directory) {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary directory is harmless.
            }
        }
        LIVE.remove(directory);
    }
}
