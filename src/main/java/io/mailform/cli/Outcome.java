package io.mailform.cli;

/** Combines the results of several files into one exit code: the most serious wins. */
final class Outcome {
    private int code = ExitCode.OK;

    void record(int exitCode) {
        if (rank(exitCode) > rank(code)) {
            code = exitCode;
        }
    }

    int exitCode() {
        return code;
    }

    private static int rank(int exitCode) {
        return switch (exitCode) {
            case ExitCode.OK -> 0;
            case ExitCode.INVALID -> 1;
            case ExitCode.IO -> 2;
            case ExitCode.USAGE -> 3;
            default -> 4;
        };
    }
}
