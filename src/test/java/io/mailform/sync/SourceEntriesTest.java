package io.mailform.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entries diff reads from an aliases file or a lookup table are the ones postalias and postmap build from it:
 * the same file is built with the real tools and dumped with {@code -s}, and both readings must agree, key by key
 * and token by token (comments, continuation lines, upper case, duplicates, a quoted command with a comma).
 */
class SourceEntriesTest {
    private static final String ALIASES = """
            # a comment
            postmaster: root
            Lists: alice,
              bob, "|/usr/bin/filter a,b"
              # a comment inside the entry
            lists: carol
            \t
            root:\talice
            noseparator
            """;
    private static final String TABLE = """
            Example.com smtp:[relay.example.net]:25
              continued
            # comment
            example.com other
            [smtp.example.net]:587   user:pass word
            """;

    @TempDir
    Path temp;

    @Test
    void aliasesAreReadAsPostaliasBuildsThem() throws Exception {
        Map<String, SourceEntry> parsed = SourceEntries.aliases(ALIASES);
        assertEquals(List.of("postmaster", "lists", "root"), List.copyOf(parsed.keySet()));
        assertEquals(List.of("alice", "bob", "\"|/usr/bin/filter a,b\""), parsed.get("lists").tokens());
        Map<String, String> built = dump("postalias", ALIASES);
        built.keySet().removeIf(key -> key.equals("@") || key.startsWith("YP_"));
        assertEquals(built.keySet(), parsed.keySet());
        built.forEach((key, value) -> assertEquals(SourceEntries.targets(value), parsed.get(key).tokens(), key));
    }

    @Test
    void tablesAreReadAsPostmapBuildsThem() throws Exception {
        Map<String, SourceEntry> parsed = SourceEntries.table(TABLE);
        Map<String, String> built = dump("postmap", TABLE);
        assertEquals(built.keySet(), parsed.keySet());
        built.forEach((key, value) -> assertEquals(List.of(value.strip().split("\\s+")), parsed.get(key).tokens(),
                key));
        assertEquals("Example.com", parsed.get("example.com").key(), "the first entry is kept, as written");
    }

    /** Builds {@code text} with the tool and dumps it: key to value, as {@code -s} prints them. */
    private Map<String, String> dump(String tool, String text) throws IOException, InterruptedException {
        Path source = Files.writeString(temp.resolve(tool + ".src"), text);
        Path config = Files.createDirectories(temp.resolve("config"));
        Files.writeString(config.resolve("main.cf"), "myhostname = mx.example.org\n");
        Files.writeString(config.resolve("master.cf"), "");
        String executable = locate(tool);
        run(executable, "-c", config.toString(), "hash:" + source);
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : run(executable, "-c", config.toString(), "-s", "hash:" + source).lines().toList()) {
            String[] parts = line.split(tool.equals("postalias") ? ":\t" : "\t", 2);
            entries.put(parts[0], parts[1]);
        }
        return entries;
    }

    private static String locate(String tool) {
        for (String directory : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
            if (Files.isExecutable(Path.of(directory, tool))) {
                return directory + "/" + tool;
            }
        }
        return fail(tool + " is not installed: apt-get install postfix (it is never started)");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", command));
        return out;
    }
}
