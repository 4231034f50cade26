package io.mailform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VersionTest {
    private static final Pattern LINE = Pattern.compile(
            "mailform (\\S+) \\((?:commit ([0-9a-f]{7,})( with local changes)?, (\\d{4}-\\d{2}-\\d{2})|unknown commit)\\)\n");

    @Test
    void versionNamesTheCommitGitReportsOrAnUnknownOne() throws Exception {
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCode.OK, run.exitCode());
        Matcher line = LINE.matcher(run.out());
        assertTrue(line.matches(), run.out());
        assertEquals("0.1.0-SNAPSHOT", line.group(1));
        // The module runs in src/; the checkout's .git (a directory, or a worktree's file) is beside it.
        Path root = Path.of("").toAbsolutePath().getParent();
        if (!Files.exists(root.resolve(".git"))) {   // sources without git: a source archive
            assertEquals("mailform 0.1.0-SNAPSHOT (unknown commit)\n", run.out());
            return;
        }
        String head = git(root, "log", "-1", "--abbrev=7", "--format=%h %cd", "--date=format-local:%Y-%m-%d");
        assertEquals(head, line.group(2) + " " + line.group(4), run.out());
    }

    @Test
    void theCompiledManifestNamesTheVersionWithoutTheCommit() {
        assertEquals("mailform 0.1.0-SNAPSHOT", Version.text());
    }

    private static String git(Path root, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "git";
        command[1] = "--git-dir=" + root.resolve(".git");
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TZ", "UTC");
        Process git = builder.start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, git.waitFor(), out);
        return out;
    }
}
