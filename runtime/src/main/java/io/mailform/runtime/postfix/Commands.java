package io.mailform.runtime.postfix;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the host's commands (Postfix's tools, useradd, userdel, getent) and waits for them. Output is read from pipes,
 * so that nothing is written to the host's disk: a process that ends with the JVM leaves no file behind. The daemon
 * {@code postfix start} leaves running points its standard streams at /dev/null, so it holds no pipe open.
 */
final class Commands {
    private static final long TIMEOUT_SECONDS = 60;
    private static final long OUTPUT_TIMEOUT_SECONDS = 5;
    /** Daemon threads: a reader never keeps the JVM from ending. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mailform-command-output");
        thread.setDaemon(true);
        return thread;
    });

    private Commands() {
    }

    static CommandResult run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()),
            READERS);
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()),
            READERS);
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new CommandResult(command, process.exitValue(), output(stdout, command),
                output(stderr, command));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String output(CompletableFuture<String> output, List<String> command)
            throws IOException, InterruptedException {
        try {
            return output.get(OUTPUT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot read the output of " + String.join(" ", command) + ": " + e, e);
        }
    }
}
