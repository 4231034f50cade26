package io.mailform.runtime.postfix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the host's commands (Postfix's tools, useradd, userdel, getent) and waits for them. Output goes through
 * temporary files rather than pipes: {@code postfix start} leaves a daemon behind that could hold a pipe open.
 */
final class Commands {
    private static final long TIMEOUT_SECONDS = 60;

    private Commands() {
    }

    static CommandResult run(List<String> command) throws IOException {
        Path out = Files.createTempFile("mailform-command-", ".out");
        Path err = Files.createTempFile("mailform-command-", ".err");
        try {
            Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new CommandResult(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
