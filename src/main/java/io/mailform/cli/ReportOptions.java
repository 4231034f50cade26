package io.mailform.cli;

import io.mailform.diag.render.Format;
import picocli.CommandLine.Option;

/** How diagnostics are shown and judged; shared by every command that reads descriptions. */
final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How to print diagnostics: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.TEXT;

    @Option(names = "--warnings-as-errors", description = "Fail (exit 1) on warnings too.")
    boolean warningsAsErrors;

    @Option(names = "--stacktrace", description = "Print the stack trace of an internal error.")
    boolean stacktrace;
}
