package io.mailform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script, sourced by a real bash and asked what it completes, as bash asks it at a Tab. */
class CompletionScriptTest {
    @TempDir
    Path dir;

    @Test
    void completesCommandsOptionsAndTheirValues() throws Exception {
        Path script = dir.resolve("mailform");
        CompletionScript.main(new String[] {script.toString()});
        assertEquals(List.of("compile"), BashCompletion.complete(script, "mailform", "com"));
        assertEquals(List.of("--target"), BashCompletion.complete(script, "mailform", "compile", "--ta"));
        assertEquals(List.of("POSTFIX", "JAMES", "ALL"),
                BashCompletion.complete(script, "mailform", "compile", "--target", ""));
        assertEquals(List.of("--warnings-as-errors"), BashCompletion.complete(script, "mailform", "validate", "--w"));
    }
}
