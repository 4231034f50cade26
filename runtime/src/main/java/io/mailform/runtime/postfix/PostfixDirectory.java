package io.mailform.runtime.postfix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.mailform.runtime.config.JamesDirectory;
import io.mailform.runtime.config.StartupException;

/**
 * What a private Postfix instance starts from, in the directory {@code mailform compile -o DIR} wrote:
 * {@code DIR/postfix/} (main.cf, aliases and the tables) and {@code DIR/james/provisioning.json}, whose users are the
 * accounts local(8) delivers to: the description's users and the local names its aliases deliver to. The Postfix
 * files do not name them, since on a real host they are system accounts that exist already.
 *
 * @param files the regular files of {@code DIR/postfix}
 */
record PostfixDirectory(Path systemDirectory, Path postfix, List<Path> files, Path provisioning) {
    static final String MAIN_CF = "main.cf";
    static final String ALIASES = "aliases";

    static PostfixDirectory open(Path systemDirectory) throws StartupException {
        Path postfix = systemDirectory.resolve("postfix");
        if (!Files.isDirectory(postfix)) {
            String hint = Files.isRegularFile(systemDirectory.resolve(MAIN_CF))
                ? "; " + systemDirectory + " looks like the postfix directory itself: give its parent"
                : "; give the directory that `mailform compile -o DIR` wrote";
            throw new StartupException(postfix + " does not exist" + hint);
        }
        if (!Files.isRegularFile(postfix.resolve(MAIN_CF))) {
            throw new StartupException(postfix.resolve(MAIN_CF) + " does not exist: mode none without postfix "
                + "parameters writes none (its main.cf is maintained by hand, so there is nothing to start)");
        }
        if (!Files.isRegularFile(postfix.resolve(ALIASES))) {
            throw new StartupException(postfix + " lacks aliases; compile the configuration again");
        }
        Path provisioning = systemDirectory.resolve("james").resolve(JamesDirectory.PROVISIONING_FILE);
        if (!Files.isRegularFile(provisioning)) {
            throw new StartupException(provisioning + " does not exist. It lists the accounts Postfix delivers to "
                + "(the description's users and the local names its aliases deliver to), which the Postfix files do "
                + "not name. Mode none writes none: its main.cf is maintained by hand, so there is nothing to start; "
                + "for any other mode compile with --target all (the default), or start the description itself");
        }
        try (Stream<Path> children = Files.list(postfix)) {
            List<Path> files = children.filter(Files::isRegularFile).sorted().toList();
            return new PostfixDirectory(systemDirectory, postfix, files, provisioning);
        } catch (IOException e) {
            throw new StartupException("cannot read " + postfix + ": " + e.getMessage(), e);
        }
    }

    boolean has(String fileName) {
        return files.stream().anyMatch(file -> file.getFileName().toString().equals(fileName));
    }
}
