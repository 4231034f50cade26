package io.mailform.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where the files of a Postfix configuration are: below a ROOT as Debian's postfix package keeps them
 * ({@code etc/postfix/main.cf}, {@code etc/aliases}, {@code etc/mailname}), or all in one directory, as compile
 * writes them ({@code DIR/postfix/}, or a compile output {@code DIR} itself). Only an installed ROOT has owners
 * worth checking: a compiled directory belongs to whoever compiled it.
 */
record HostLayout(Path mainCf, Path aliases, Path mailname, Path tableDirectory, boolean installed) {
    static final String MANIFEST = "mailform-manifest.json";

    static HostLayout of(Path against) throws IOException {
        if (!Files.isDirectory(against)) {
            throw new NoSuchFileException(against + " (no such directory)");
        }
        if (Files.isDirectory(against.resolve("etc/postfix")) || Files.exists(against.resolve("etc/aliases"))) {
            Path etc = against.resolve("etc");
            return new HostLayout(etc.resolve("postfix/main.cf"), etc.resolve("aliases"), etc.resolve("mailname"),
                    etc.resolve("postfix"), true);
        }
        Path flat = Files.exists(against.resolve(MANIFEST)) && Files.isDirectory(against.resolve("postfix"))
                ? against.resolve("postfix") : against;
        if (Files.exists(flat.resolve("main.cf")) || Files.exists(flat.resolve("aliases"))) {
            return new HostLayout(flat.resolve("main.cf"), flat.resolve("aliases"), flat.resolve("mailname"), flat,
                    false);
        }
        throw new IOException(against + " is neither a ROOT (a directory holding etc/postfix or etc/aliases) nor a "
                + "configuration directory (holding main.cf or aliases, or postfix/ of a compile output)");
    }

    /** A lookup table's source file, by its name in /etc/postfix. */
    Path table(String fileName) {
        return tableDirectory.resolve(fileName);
    }
}
