package io.mailform.sync;

import io.mailform.diag.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What is checked of files rather than of their entries: a table's .db must exist and be no older than its source
 * (else Postfix reads stale data), and a secret file and its .db must have mode 0600 and, when installed, belong
 * to root.
 */
final class FileDrift {
    private static final int SECRET_MODE = 0600;

    private FileDrift() {
    }

    /** The .db built from {@code source}: missing, or older than the source. */
    static Optional<Difference> database(Path source, String pointer, String rebuild) throws IOException {
        Path database = Path.of(source + ".db");
        String key = Keys.readable(pointer);
        if (!Files.exists(database)) {
            return Optional.of(new Difference(Code.DRIFT_DATABASE, pointer, false, key + ": " + database
                    + " is missing, so Postfix cannot read " + source, "run " + rebuild + " (install.sh does)"));
        }
        if (Files.getLastModifiedTime(database).compareTo(Files.getLastModifiedTime(source)) < 0) {
            return Optional.of(new Difference(Code.DRIFT_DATABASE, pointer, false, key + ": " + database
                    + " is older than " + source + ", so Postfix does not see the last change to it",
                    "run " + rebuild + " (install.sh does)"));
        }
        return Optional.empty();
    }

    /** A file holding passwords: mode 0600, and root's when {@code owner} is checked. */
    static List<Difference> secret(Path file, String pointer, boolean owner) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        String key = Keys.readable(pointer);
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        int mode = mode(permissions);
        if (mode != SECRET_MODE) {
            return List.of(new Difference(Code.DRIFT_FILE, pointer, false, key + ": " + file + " holds relay "
                    + "passwords and has mode " + String.format("%04o", mode) + " ("
                    + PosixFilePermissions.toString(permissions) + "); it must be 0600",
                    "chmod 0600 " + file));
        }
        if (owner) {
            int uid = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (uid != 0) {
                return List.of(new Difference(Code.DRIFT_FILE, pointer, false, key + ": " + file + " holds relay "
                        + "passwords and belongs to uid " + uid + "; it must belong to root", "chown root " + file));
            }
        }
        return List.of();
    }

    static Difference missing(Path file, String pointer) {
        String key = Keys.readable(pointer);
        return new Difference(Code.DRIFT_FILE, pointer, false, key + ": " + file + " is missing; the description "
                + "writes it", "install the compiled description (sh install.sh)");
    }

    private static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }
}
