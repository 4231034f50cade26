package io.mailform.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest; "development" when run from classes. */
public final class Version implements IVersionProvider {
    public static String text() {
        String version = Version.class.getPackage().getImplementationVersion();
        return "mailform " + (version == null ? "development" : version);
    }

    @Override
    public String[] getVersion() {
        return new String[] {text()};
    }
}
