package io.mailform.runtime.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The launcher's recording of the runtime's class cache (docs/runtime.md, "Class cache"). The launcher records it
 * during a run and keeps it only if that run started James, whose classes are most of what the cache holds: a run
 * that stopped at a usage error or an invalid description, or ran Postfix alone, would leave a cache of little use.
 * It names a file in the system property {@value #PROPERTY}; the first start of James in the run creates that file
 * and says on standard error that this run records the cache, which is why it ends later.
 */
final class ClassCacheRecording {
    static final String PROPERTY = "mailform.classCache.recording";

    private static final AtomicBoolean MARKED = new AtomicBoolean();

    private ClassCacheRecording() {
    }

    static void jamesStarted(PrintStream err) {
        String mark = System.getProperty(PROPERTY);
        if (mark == null || !MARKED.compareAndSet(false, true)) {
            return;
        }
        try {
            Files.writeString(Path.of(mark), "");
        } catch (IOException e) {
            return; // unmarked, the launcher keeps no cache, and the next run records one
        }
        err.println("mailform: this run records a class cache of the runtime (once per build and Java runtime): "
            + "it ends a little later, and later runs start faster");
    }
}
