package io.mailform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Asks a completion script, sourced by a real bash, what it completes, as bash asks it at a Tab. */
public final class BashCompletion {
    private BashCompletion() {
    }

    /** The words bash offers for the last of {@code words}, with the script sourced into a fresh bash. */
    public static List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append('\'');
        }
        // compopt changes the options of a completion bash is running; outside one it only complains.
        String driver = "source \"$1\"\n"
                + "compopt() { :; }\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\n"
                + "COMP_POINT=${#COMP_LINE}\n"
                + "_complete_mailform\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", driver, "bash", script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), out);
        return out.lines().filter(line -> !line.isEmpty()).toList();
    }
}
