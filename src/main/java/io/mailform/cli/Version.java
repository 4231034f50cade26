package io.mailform.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest; "development" when run from classes. */
public final class Version implements IVersionProvider {
    public static String text() {
        return "mailform " + number();
    }

    /** The version alone, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String number() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {text()};
    }
}
