package io.mailform.runtime.postfix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The processes of one Postfix instance: {@code postfix -c DIR} gives master {@code MAIL_CONFIG=DIR} in its
 * environment, and every daemon master starts inherits it. Other instances on the host, the host's own Postfix
 * included, have another value, so they are never counted, let alone ended.
 */
final class InstanceProcesses {
    private static final Path PROC = Path.of("/proc");

    private InstanceProcesses() {
    }

    /** The process ids whose environment holds {@code MAIL_CONFIG=configDirectory}, in no particular order. */
    static List<Long> of(Path configDirectory) throws IOException {
        byte[] marker = ("MAIL_CONFIG=" + configDirectory).getBytes(StandardCharsets.UTF_8);
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, path ->
                path.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path process : entries) {
                if (hasVariable(process.resolve("environ"), marker)) {
                    pids.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        }
        return pids;
    }

    /** Whether the NUL-separated environment holds exactly this entry; a process gone meanwhile has none. */
    private static boolean hasVariable(Path environ, byte[] entry) {
        byte[] environment;
        try {
            environment = Files.readAllBytes(environ);
        } catch (IOException e) {
            return false;
        }
        int start = 0;
        for (int i = 0; i <= environment.length; i++) {
            if (i == environment.length || environment[i] == 0) {
                if (i - start == entry.length && Arrays.equals(environment, start, i, entry, 0,
                        entry.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
