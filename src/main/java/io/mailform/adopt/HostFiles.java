package io.mailform.adopt;

import io.mailform.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of a Postfix host that import reads. The configuration directory must exist; main.cf, the aliases file
 * and the mailname may be missing (Debian's "No configuration" leaves main.cf out), but a file that exists and cannot
 * be read is an error, as is a directory where a file belongs.
 *
 * @param displayDirectory the configuration directory as given, for file names in diagnostics
 */
record HostFiles(Path configDirectory, String displayDirectory, Optional<SourceFile> mainCf,
        Optional<SourceFile> aliases, Optional<SourceFile> mailname) {
    /** Where Debian's installer and mailform's install step put the tables that main.cf names. */
    static final String POSTFIX_DIRECTORY = "/etc/postfix/";

    static HostFiles read(Path configDirectory, Path aliases, Path mailname) throws IOException {
        if (!Files.isDirectory(configDirectory)) {
            throw new IOException(Files.exists(configDirectory)
                    ? configDirectory + " is not a directory"
                    : "no such configuration directory: " + configDirectory);
        }
        String display = configDirectory.toString();
        return new HostFiles(configDirectory, display,
                optional(configDirectory.resolve("main.cf"), join(display, "main.cf")),
                optional(aliases, aliases.toString()), optional(mailname, mailname.toString()));
    }

    /**
     * The source file of a table that main.cf names as {@code type:/path}: a path in /etc/postfix is read from the
     * configuration directory, so that a copy of a host's directory imports like the host itself.
     */
    Optional<SourceFile> table(String path) throws IOException {
        if (path.startsWith(POSTFIX_DIRECTORY)) {
            String name = path.substring(POSTFIX_DIRECTORY.length());
            return optional(configDirectory.resolve(name), join(displayDirectory, name));
        }
        return optional(Path.of(path), path);
    }

    private static String join(String directory, String name) {
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }

    private static Optional<SourceFile> optional(Path file, String display) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            throw new IOException("cannot read " + display + ": it is a directory, not a file");
        }
        try {
            return Optional.of(new SourceFile(display, new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
        } catch (AccessDeniedException denied) {
            throw new IOException("cannot read " + display + ": permission denied", denied);
        } catch (IOException e) {
            throw new IOException("cannot read " + display + ": " + e.getMessage(), e);
        }
    }
}
