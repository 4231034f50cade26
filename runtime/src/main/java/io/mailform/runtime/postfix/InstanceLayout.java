package io.mailform.runtime.postfix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The directories of a private instance, all under one temporary directory: its configuration, queue, data, the
 * spool local(8) writes mbox files to, and its log.
 */
record InstanceLayout(Path base, Path conf, Path queue, Path data, Path spool, Path log) {
    static InstanceLayout under(Path base) {
        return new InstanceLayout(base, base.resolve("conf"), base.resolve("queue"), base.resolve("data"),
            base.resolve("mail"), base.resolve("log"));
    }

    Path maillog() {
        return log.resolve("maillog");
    }

    /** The file main.cf names for {@code smtp_tls_CAfile}. */
    Path sandboxCertificateAuthority() {
        return conf.resolve("sandbox-ca.pem");
    }

    /**
     * Creates the directories Postfix does not create itself. local(8) delivers as the recipient, who must reach the
     * spool through the base directory and create a mailbox in the spool (mode 1777, as /var/mail is group-writable
     * on Debian). The queue directory must exist, root-owned; {@code postfix check} creates what it holds.
     */
    void create() throws IOException {
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path directory : new Path[] {conf, queue, spool, log}) {
            Files.createDirectory(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        // Java's permission sets cannot express the sticky bit; the unix view can.
        Files.setAttribute(spool, "unix:mode", 01777);
    }
}
