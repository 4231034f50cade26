package io.mailform.cli;

/** The process exit codes; CI pipelines branch on them, so they never change meaning. */
public final class ExitCode {
    /** Valid (warnings allowed unless --warnings-as-errors). */
    public static final int OK = 0;
    /** The configuration has errors. */
    public static final int INVALID = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;
    /** A file could not be read or written. */
    public static final int IO = 3;
    /** A bug in mailform. */
    public static final int INTERNAL = 4;

    private ExitCode() {
    }
}
