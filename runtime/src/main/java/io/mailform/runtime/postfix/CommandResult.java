package io.mailform.runtime.postfix;

import java.util.List;

/** What one command the runtime ran came to. */
record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {
    CommandResult {
        command = List.copyOf(command);
    }

    boolean succeeded() {
        return exitCode == 0;
    }

    /** The command and its output, for error messages. */
    String describe() {
        StringBuilder text = new StringBuilder(String.join(" ", command)).append(" exited with ").append(exitCode);
        if (!stdout.isBlank()) {
            text.append("\n").append(stdout.strip());
        }
        if (!stderr.isBlank()) {
            text.append("\n").append(stderr.strip());
        }
        return text.toString();
    }
}
