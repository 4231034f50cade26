package io.mailform.runtime.postfix;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import io.mailform.runtime.config.StartupException;

/**
 * The host's accounts, which Postfix's local(8) delivers to (its local_recipient_maps read passwd). The runtime adds
 * the ones a description needs and the host lacks as system accounts without a home directory or a login shell, and
 * removes exactly those again.
 */
final class SystemAccounts {
    /** What Debian's useradd accepts for a system account by default (NAME_REGEX_SYSTEM in adduser). */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    private SystemAccounts() {
    }

    static boolean exists(String name) throws IOException {
        CommandResult lookup = Commands.run(List.of("getent", "passwd", name));
        if (lookup.exitCode() == 2) {
            return false;
        }
        if (!lookup.succeeded()) {
            throw new IOException("cannot look up the account " + name + ": " + lookup.describe());
        }
        return true;
    }

    static void create(String name) throws StartupException, IOException {
        if (!NAME.matcher(name).matches()) {
            throw new StartupException("the account \"" + name + "\" that the description delivers to cannot be made "
                + "a system account on this host: useradd takes lower-case letters, digits, '_' and '-', at most 32, "
                + "not starting with a digit or '-'");
        }
        CommandResult added = Commands.run(List.of("useradd", "--system", "--no-create-home", "--shell",
            "/usr/sbin/nologin", name));
        if (!added.succeeded()) {
            throw new StartupException("cannot create the system account " + name + ": " + added.describe());
        }
    }

    static void remove(String name) throws IOException {
        CommandResult removed = Commands.run(List.of("userdel", name));
        if (!removed.succeeded()) {
            throw new IOException(removed.describe());
        }
    }
}
