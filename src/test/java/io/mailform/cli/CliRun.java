package io.mailform.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of the command line, in process, with its exit code and both output streams. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return withStdin(new byte[0], args);
    }

    static synchronized CliRun withStdin(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream previous = System.in;
        System.setIn(new ByteArrayInputStream(stdin));
        try {
            int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(previous);
        }
    }
}
