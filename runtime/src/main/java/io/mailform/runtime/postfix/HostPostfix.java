package io.mailform.runtime.postfix;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.mailform.runtime.config.StartupException;

/**
 * The host's Postfix that a private instance runs: its commands and Debian's master.cf. Finding it also checks what a
 * private instance needs from the host, and refuses at once with the command that fixes what is missing: Postfix and
 * the Cyrus SASL modules its smtp client logs in to a relay with, and root, which {@code postfix start} and the
 * system accounts that local(8) delivers to require.
 */
record HostPostfix(Path postconf, Path postfix, Path postalias, Path postmap, Path masterCf) {
    static final String INSTALL = "apt-get install postfix libsasl2-modules";
    private static final List<String> SEARCH = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin");
    /** Debian's master.cf as the package ships it; the host's own may have been edited. */
    private static final List<String> MASTER_CF = List.of("/usr/share/postfix/master.cf.dist",
        "/etc/postfix/master.cf");
    private static final String SASL_PLAIN = "libplain.so";

    /** The host's Postfix, or why this host cannot run a private instance and what to run to fix it. */
    static HostPostfix locate() throws StartupException {
        return locate(searchPath(), Path.of("/usr/lib"), isRoot());
    }

    static HostPostfix locate(List<Path> searchPath, Path libraries, boolean root) throws StartupException {
        List<String> problems = new ArrayList<>();
        if (!root) {
            problems.add("it needs root, to start Postfix and to create the system accounts local(8) delivers to: "
                + "run it as root");
        }
        Optional<Path> postconf = find(searchPath, "postconf");
        Optional<Path> postfix = find(searchPath, "postfix");
        Optional<Path> postalias = find(searchPath, "postalias");
        Optional<Path> postmap = find(searchPath, "postmap");
        Optional<Path> masterCf = MASTER_CF.stream().map(Path::of).filter(Files::isRegularFile).findFirst();
        if (postconf.isEmpty() || postfix.isEmpty() || postalias.isEmpty() || postmap.isEmpty() || masterCf.isEmpty()) {
            problems.add("Postfix is not installed: " + INSTALL + " (as root)");
        } else if (!hasSaslPlain(libraries)) {
            problems.add("the Cyrus SASL modules are missing, which Postfix logs in to a relay with: " + INSTALL
                + " (as root)");
        }
        if (!problems.isEmpty()) {
            throw new StartupException("this host cannot run a private Postfix instance: "
                + String.join("; ", problems));
        }
        return new HostPostfix(postconf.get(), postfix.get(), postalias.get(), postmap.get(), masterCf.get());
    }

    private static boolean isRoot() throws StartupException {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            throw new StartupException("cannot tell whether this process runs as root (a private Postfix instance "
                + "needs Linux and root): " + e.getMessage(), e);
        }
    }

    private static List<Path> searchPath() {
        Set<String> directories = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(File.pathSeparator)));
        }
        directories.addAll(SEARCH);
        return directories.stream().filter(directory -> !directory.isEmpty()).map(Path::of).toList();
    }

    private static Optional<Path> find(List<Path> searchPath, String name) {
        return searchPath.stream().map(directory -> directory.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    /** libsasl2-modules puts its plugins in /usr/lib/sasl2 or /usr/lib/<triplet>/sasl2. */
    private static boolean hasSaslPlain(Path libraries) {
        List<Path> candidates = new ArrayList<>(List.of(libraries.resolve("sasl2")));
        if (Files.isDirectory(libraries)) {
            try (Stream<Path> children = Files.list(libraries)) {
                children.map(child -> child.resolve("sasl2")).forEach(candidates::add);
            } catch (IOException e) {
                return false;
            }
        }
        return candidates.stream().filter(Files::isDirectory).anyMatch(directory -> {
            try (Stream<Path> files = Files.list(directory)) {
                return files.anyMatch(file -> file.getFileName().toString().startsWith(SASL_PLAIN));
            } catch (IOException e) {
                return false;
            }
        });
    }
}
