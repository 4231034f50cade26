package io.mailform.cli;

import io.mailform.diag.render.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The plain forms of {@code validate} (files, {@code --format}, {@code --warnings-as-errors}, {@code --stacktrace}),
 * read without building the command line's model: picocli reads every command's annotations by reflection on each
 * start, about as long as validating a file takes. Anything else, help, version, {@code -} for standard input,
 * {@code @}-files, {@code --}, a repeated or unknown option, an unusual value, goes to picocli, which reads it as
 * before; so does every other command. What is read here is read as picocli reads it, which a test checks.
 */
final class ValidateShortcut {
    /** What a plain {@code validate} command line asks for. */
    record Request(List<String> files, ReportOptions report) {
    }

    private ValidateShortcut() {
    }

    /** The request, or empty when the arguments are not a plain {@code validate} and picocli must read them. */
    static Optional<Request> read(String[] args) {
        if (args.length < 2 || !args[0].equals("validate")) {
            return Optional.empty();
        }
        List<String> files = new ArrayList<>();
        ReportOptions report = new ReportOptions();
        boolean format = false;
        for (int i = 1; i < args.length; i++) {
            String argument = args[i];
            if (argument.equals("--warnings-as-errors") && !report.warningsAsErrors) {
                report.warningsAsErrors = true;
            } else if (argument.equals("--stacktrace") && !report.stacktrace) {
                report.stacktrace = true;
            } else if (argument.startsWith("--format=") && !format) {
                Optional<Format> value = format(argument.substring("--format=".length()));
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                report.format = value.get();
                format = true;
            } else if (argument.equals("--format") && !format && i + 1 < args.length) {
                Optional<Format> value = format(args[++i]);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                report.format = value.get();
                format = true;
            } else if (plainFile(argument)) {
                files.add(argument);
            } else {
                return Optional.empty();
            }
        }
        return files.isEmpty() ? Optional.empty() : Optional.of(new Request(List.copyOf(files), report));
    }

    /** A file name picocli takes as it is: no option, no standard input, no @-file. */
    private static boolean plainFile(String argument) {
        return !argument.isEmpty() && !argument.startsWith("-") && !argument.startsWith("@");
    }

    /** The documented spellings only; picocli reads the others (other cases, mistakes). */
    private static Optional<Format> format(String value) {
        for (Format format : Format.values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
