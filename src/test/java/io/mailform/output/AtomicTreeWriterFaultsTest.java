package io.mailform.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.emit.OutputFile;
import io.mailform.emit.OutputTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a write can fail half-way leaves the output directory, and what its links name, exactly as before. */
class AtomicTreeWriterFaultsTest {
    @TempDir
    Path temp;

    private static final byte[] MANIFEST = "{}\n".getBytes(StandardCharsets.US_ASCII);

    private static OutputTree tree(String mainCf) {
        return new OutputTree(new TreeMap<>(Map.of(
                "postfix/main.cf", new OutputFile(mainCf.getBytes(StandardCharsets.UTF_8), OutputFile.PUBLIC),
                "postfix/sasl_passwd", new OutputFile("[smtp] u:p\n".getBytes(StandardCharsets.UTF_8), 0600),
                "james/provisioning.json", new OutputFile("{}\n".getBytes(StandardCharsets.UTF_8), 0600))));
    }

    /** Every entry below {@code root} (links not followed) with its type, mode and content or link target. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String name = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    entries.put(name, "link " + Files.readSymbolicLink(path));
                } else {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                    entries.put(name, Files.isDirectory(path) ? "dir " + mode
                            : "file " + mode + " " + Files.readString(path, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return entries;
    }

    private static List<String> stepsOfAWrite(Path out) throws Exception {
        List<String> steps = new ArrayList<>();
        new AtomicTreeWriter(steps::add).write(out, tree("new\n"), MANIFEST);
        return steps;
    }

    @Test
    void aFailureAtAnyStepLeavesTheEarlierOutputAsItWas() throws Exception {
        Path rehearsal = temp.resolve("rehearsal/out");
        new AtomicTreeWriter().write(rehearsal, tree("old\n"), MANIFEST);
        List<String> steps = stepsOfAWrite(rehearsal);
        assertTrue(steps.size() >= 8, "create, four writes, sync, move aside, move into place, sync: " + steps);
        for (int failing = 0; failing < steps.size(); failing++) {
            Path parent = Files.createDirectories(temp.resolve("case" + failing));
            Path out = parent.resolve("out");
            new AtomicTreeWriter().write(out, tree("old\n"), MANIFEST);
            Map<String, String> before = snapshot(parent);
            String step = steps.get(failing);
            AtomicTreeWriter faulty = new AtomicTreeWriter(now -> {
                if (generic(now).equals(generic(step))) {
                    throw new IOException("No space left on device (injected before: " + now + ")");
                }
            });
            OutputWriteException e = assertThrows(OutputWriteException.class,
                    () -> faulty.write(out, tree("new\n"), MANIFEST), "failing " + step);
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            assertEquals(before, snapshot(parent), "after a failure before: " + step);
        }
    }

    @Test
    void aDirectoryThatIsALinkToAnEarlierOutputIsReplacedAndTheLinkKept() throws Exception {
        Path real = temp.resolve("srv/out");
        new AtomicTreeWriter().write(real, tree("old\n"), MANIFEST);
        Path link = Files.createSymbolicLink(temp.resolve("out"), real);
        new AtomicTreeWriter().write(link, tree("new\n"), MANIFEST);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real.resolve("postfix/main.cf")));
    }

    @Test
    void aLinkToADirectoryItDidNotWriteIsRefused() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve("thesis.tex"), "precious");
        Path link = Files.createSymbolicLink(temp.resolve("out"), home);
        Map<String, String> before = snapshot(temp);
        OutputWriteException e = assertThrows(OutputWriteException.class,
                () -> new AtomicTreeWriter().write(link, tree("new\n"), MANIFEST));
        assertTrue(e.getMessage().contains("did not write"), e.getMessage());
        assertEquals(before, snapshot(temp));
    }

    @Test
    void aDanglingLinkOrALinkToAFileIsRefused() throws Exception {
        Path dangling = Files.createSymbolicLink(temp.resolve("dangling"), temp.resolve("nowhere"));
        OutputWriteException e = assertThrows(OutputWriteException.class,
                () -> new AtomicTreeWriter().write(dangling, tree("new\n"), MANIFEST));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Path file = Files.writeString(temp.resolve("file"), "x");
        Path toFile = Files.createSymbolicLink(temp.resolve("to-file"), file);
        e = assertThrows(OutputWriteException.class, () -> new AtomicTreeWriter().write(toFile, tree("new\n"), MANIFEST));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("nowhere")));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void linksInsideTheEarlierOutputAreRemovedNeverFollowed() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep"), "keep");
        Path out = temp.resolve("work/out");
        new AtomicTreeWriter().write(out, tree("old\n"), MANIFEST);
        Files.createSymbolicLink(out.resolve("postfix/elsewhere"), elsewhere);
        Map<String, String> before = snapshot(elsewhere);
        new AtomicTreeWriter().write(out, tree("new\n"), MANIFEST);
        assertEquals(before, snapshot(elsewhere));
        assertFalse(Files.exists(out.resolve("postfix/elsewhere"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aWriteKilledBetweenItsRenamesIsPutBackByTheNextOne() throws Exception {
        Path parent = Files.createDirectories(temp.resolve("killed"));
        Path out = parent.resolve("out");
        new AtomicTreeWriter().write(out, tree("old\n"), MANIFEST);
        Map<String, String> old = snapshot(out);
        long deadPid = endedProcess();
        Files.move(out, parent.resolve(".out.mailform-old-" + deadPid + "-x"));
        Files.createDirectories(parent.resolve(".out.mailform-new-" + deadPid + "-y/postfix"));
        // The next write fails at once, so what is left is what recovery did.
        AtomicTreeWriter failing = new AtomicTreeWriter(step -> {
            throw new IOException("injected");
        });
        assertThrows(OutputWriteException.class, () -> failing.write(out, tree("new\n"), MANIFEST));
        assertEquals(old, snapshot(out));
        try (Stream<Path> siblings = Files.list(parent)) {
            assertEquals(List.of(out), siblings.toList(), "the killed write's staging directory is gone");
        }
    }

    @Test
    void theSiblingsOfAWriteStillRunningAreLeftToIt() throws Exception {
        Path parent = Files.createDirectories(temp.resolve("concurrent"));
        Path out = parent.resolve("out");
        long running = ProcessHandle.current().parent().orElseThrow().pid();
        Path theirs = Files.createDirectories(parent.resolve(".out.mailform-new-" + running + "-z"));
        new AtomicTreeWriter().write(out, tree("new\n"), MANIFEST);
        assertTrue(Files.isDirectory(theirs));
    }

    /** A step's name without the process id and random part of a staging or set-aside directory. */
    private static String generic(String step) {
        return step.replaceAll("(mailform-(new|old))-[0-9a-f-]+", "$1");
    }

    private static long endedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
