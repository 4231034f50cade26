package io.mailform.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version and the commit the build was made from, as the build wrote them into {@code version.properties}:
 * e.g. {@code mailform 0.1.0 (commit 4aab790, 2026-11-30)}; "unknown commit" for a build outside a git checkout.
 */
public final class Version implements IVersionProvider {
    private static final Properties BUILD = read();

    /** The name and version, e.g. {@code mailform 0.1.0}: what the compiled manifest names as its generator. */
    public static String text() {
        return "mailform " + number();
    }

    /** What {@code --version} prints: the version and the commit. */
    public static String full() {
        return text() + " (" + commit() + ")";
    }

    /** The version alone, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String number() {
        return BUILD.getProperty("version", "development");
    }

    /** {@code commit 4aab790, 2026-11-30}, with "with local changes" when the work tree differed from it. */
    static String commit() {
        String[] commit = BUILD.getProperty("commit", "unknown").split(" ", 2);
        if (commit.length < 2) {
            return "unknown commit";
        }
        String changes = Boolean.parseBoolean(BUILD.getProperty("modified")) ? " with local changes" : "";
        return "commit " + commit[0] + changes + ", " + commit[1];
    }

    private static Properties read() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @Override
    public String[] getVersion() {
        return new String[] {full()};
    }
}
