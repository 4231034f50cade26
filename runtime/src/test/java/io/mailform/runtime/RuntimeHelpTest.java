package io.mailform.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.mailform.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code mailform test --help} and {@code run --help}, which the launchers send to the runtime, are the help that
 * mailform.jar gives for them ({@code mailform help test}), usage line included: one declaration serves both.
 */
class RuntimeHelpTest {
    @Test
    void theRuntimesHelpOfTestAndRunIsTheCompilersWord() {
        for (String command : List.of("test", "run")) {
            StringWriter runtime = new StringWriter();
            int code = new CommandLine(new RunMain()).setOut(new PrintWriter(runtime, true)).execute(command, "--help");
            assertEquals(0, code);
            ByteArrayOutputStream compiler = new ByteArrayOutputStream();
            assertEquals(0, Main.run(new String[] {"help", command}, new PrintStream(compiler, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            assertTrue(runtime.toString().startsWith("Usage: mailform " + command + " "), runtime.toString());
            assertEquals(compiler.toString(StandardCharsets.UTF_8), runtime.toString());
        }
    }
}
