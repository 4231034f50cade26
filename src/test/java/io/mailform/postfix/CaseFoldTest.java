package io.mailform.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailform.emit.postfix.PostfixTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names folded as postalias folds the keys of the aliases file (found by CompileFuzzTest: ϕ is φ to Postfix). */
class CaseFoldTest {
    private static final List<String> NAMES = List.of("Alice", "ϕx", "straße", "İx", "ﬀx", "\u212Ax", "ſx", "ςx",
            "ꮳꮪ", "ΣΑΣ", "ǅx", "Ωmega", "ÀÉÎ", "日本", "a.b-c_d");

    @TempDir
    Path directory;

    @Test
    void foldsAsPostalias() throws Exception {
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < NAMES.size(); i++) {
            aliases.append(NAMES.get(i)).append(": target").append(i).append('\n');
        }
        Path file = Files.writeString(directory.resolve("aliases"), aliases, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("main.cf"), "compatibility_level = 3.6\n");
        Files.copy(PostfixTools.debianMasterCf(), directory.resolve("master.cf"));
        PostfixTools.backdate(directory);
        PostfixTools tools = PostfixTools.locate();
        String map = "hash:" + file;
        PostfixTools.Result built = tools.run(List.of(tools.postalias.toString(), "-c", directory.toString(), map));
        assertEquals("", built.stderr(), built::toString);
        PostfixTools.Result dump = tools.run(List.of(tools.postalias.toString(), "-c", directory.toString(), "-s",
                map));
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            String target = "target" + i;
            expected.add(dump.stdout().lines().filter(line -> line.endsWith(":\t" + target)).findFirst()
                    .map(line -> line.substring(0, line.lastIndexOf(":\t"))).orElse("(none)") + " " + target);
            actual.add(CaseFold.of(NAMES.get(i)) + " " + target);
        }
        assertEquals(expected, actual);
    }
}
