package io.mailform.emit.postfix;

import io.mailform.source.SourceFile;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The name of the description as the generated files' header comments cite it. */
final class FileHeader {
    private FileHeader() {
    }

    /**
     * The base name of the source file ({@code full.yaml}), so that the output does not depend on where it was
     * compiled. A file name may hold any character but {@code /}; control characters become {@code ?} so that the
     * name cannot end the comment line it is written into.
     */
    static String sourceName(SourceFile source) {
        String name = source.name();
        try {
            Path fileName = Path.of(name).getFileName();
            if (fileName != null) {
                name = fileName.toString();
            }
        } catch (InvalidPathException notAPath) {
            // <stdin> and other labels are kept as they are.
        }
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return safe.toString();
    }
}
