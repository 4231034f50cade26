package io.mailform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.distribution.Unpacked.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks of .pre-commit-hooks.yaml, run by the real pre-commit in a scratch repository whose configuration names
 * this checkout at its current commit, as a user's names the project: a valid description passes, an invalid one
 * fails with mailform's diagnostic, and YAML that is no description is left alone.
 */
class PreCommitHookIT {
    @TempDir
    Path scratch;

    private Unpacked dist;

    @AfterEach
    void removeLinks() throws IOException {
        if (dist != null) {
            dist.close();
        }
    }

    @Test
    void bothHooksPassAValidDescriptionAndFailAnInvalidOneWithItsDiagnostic() throws Exception {
        Path checkout = Unpacked.checkout();
        assertTrue(Files.exists(checkout.resolve(".git")),
                "pre-commit clones the hooks from a git repository: run this test in a git checkout of mailform");
        dist = Unpacked.into(scratch);
        Path repo = Files.createDirectories(scratch.resolve("repo"));
        Map<String, String> env = environment();
        assertEquals(0, git(repo, env, "init", "-q").exit());
        String rev = git(checkout, env, "rev-parse", "HEAD").out().strip();
        assertEquals(0, git(checkout, env, "cat-file", "-e", rev + ":.pre-commit-hooks.yaml").exit(),
                "the commit " + rev + " has no .pre-commit-hooks.yaml: pre-commit reads the committed hooks");
        Files.writeString(repo.resolve(".pre-commit-config.yaml"), """
                repos:
                  - repo: %s
                    rev: %s
                    hooks:
                      - id: mailform-validate
                      - id: mailform-validate-installed
                """.formatted(checkout, rev));
        Files.copy(dist.home.resolve("examples/internet-site.yaml"), repo.resolve("mailsystem.yaml"));
        Files.writeString(repo.resolve("other.yaml"), "not: [a, description]\n");   // outside the hooks' files
        assertEquals(0, git(repo, env, "add", "-A").exit());

        Result passed = preCommit(repo, env);
        assertEquals(0, passed.exit(), passed.toString());
        assertTrue(passed.out().matches("(?s).*mailform validate\\.+Passed.*"), passed.toString());
        assertTrue(passed.out().matches("(?s).*mailform validate \\(installed\\)\\.+Passed.*"), passed.toString());

        Files.writeString(repo.resolve("mailsystem.yaml"),
                Files.readString(repo.resolve("mailsystem.yaml")).replace("mode: internet-site", "mode: internet"));
        assertEquals(0, git(repo, env, "add", "-A").exit());
        Result failed = preCommit(repo, env);
        assertEquals(1, failed.exit(), failed.toString());
        assertTrue(failed.out().matches("(?s).*mailform validate\\.+Failed.*"), failed.toString());
        assertTrue(failed.out().matches("(?s).*mailform validate \\(installed\\)\\.+Failed.*"), failed.toString());
        String diagnostic = "mailsystem.yaml:" + line(repo.resolve("mailsystem.yaml"), "mode: internet")
                + ":7: error[schema-enum]: mode: \"internet\" is not a valid mode";
        assertEquals(2, failed.out().split(java.util.regex.Pattern.quote(diagnostic), -1).length - 1,
                "each hook prints the diagnostic\n" + failed);
        assertFalse(failed.out().contains("other.yaml"), failed.toString());
    }

    /**
     * The host's PATH, which has the JDK and Maven the script hook builds with, after a directory whose `mailform` is
     * the unpacked distribution's, for the system hook; a home and a pre-commit cache of the test's own.
     */
    private Map<String, String> environment() throws IOException {
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("mailform"), dist.home.resolve("bin/mailform"));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", dist.userHome.toString());
        env.put("PRE_COMMIT_HOME", scratch.resolve("pre-commit-cache").toString());
        env.put("LANG", "C.UTF-8");
        // The script hook builds with Maven from the dependencies the build of this checkout has already fetched.
        env.put("MAVEN_OPTS", "-Dmaven.repo.local=" + Path.of(System.getProperty("user.home"), ".m2/repository"));
        env.put("GIT_AUTHOR_NAME", "Test");
        env.put("GIT_AUTHOR_EMAIL", "test@example.org");
        env.put("GIT_COMMITTER_NAME", "Test");
        env.put("GIT_COMMITTER_EMAIL", "test@example.org");
        return env;
    }

    private static Result preCommit(Path repo, Map<String, String> env) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/pre-commit")), "pre-commit is missing: apt-get install pre-commit");
        return Unpacked.run(List.of("pre-commit", "run", "--all-files", "--color", "never"), repo, env, 600);
    }

    private static Result git(Path dir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return Unpacked.run(command, dir, env, 60);
    }

    private static int line(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.indexOf(text) + 1;
    }
}
