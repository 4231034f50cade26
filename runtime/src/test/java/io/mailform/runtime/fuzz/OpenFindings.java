package io.mailform.runtime.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The findings not fixed yet: each an input in the findings directory with a {@code NAME.txt} beside it whose
 * {@code signature:} and {@code answers:} lines say which divergences it shows. A fuzzing run counts a divergence with
 * the same answers ({@link Divergence#answers()}: stage, side, and what each server answered or where it put the
 * copies, whatever the address's class) instead of failing on it, so that the
 * build goes on finding other ones; once the servers agree on an input, it moves to the regression inputs, and its
 * answers fail again unless another open finding still shows them.
 */
final class OpenFindings {
    static final String SIGNATURE = "signature: ";
    static final String ANSWERS = "answers: ";

    private final Map<String, String> byAnswers;
    private final Set<String> signatures;

    private OpenFindings(Map<String, String> byAnswers, Set<String> signatures) {
        this.byAnswers = Map.copyOf(byAnswers);
        this.signatures = Set.copyOf(signatures);
    }

    static OpenFindings read(Path directory) throws IOException {
        Map<String, String> byAnswers = new HashMap<>();
        Set<String> signatures = new HashSet<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".txt")).sorted().toList()) {
                    String name = file.getFileName().toString().replaceAll("\\.txt$", "");
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (String line : lines) {
                        if (line.startsWith(SIGNATURE)) {
                            signatures.add(line.substring(SIGNATURE.length()));
                        } else if (line.startsWith(ANSWERS)) {
                            byAnswers.putIfAbsent(line.substring(ANSWERS.length()), name);
                        }
                    }
                }
            }
        }
        return new OpenFindings(byAnswers, signatures);
    }

    /** The finding that shows a divergence with these answers ({@link Divergence#answers()}), if one does. */
    Optional<String> finding(Divergence divergence) {
        return Optional.ofNullable(byAnswers.get(divergence.answers()));
    }

    /** Whether an open finding shows exactly this divergence, address class and all. */
    boolean shows(Divergence divergence) {
        return signatures.contains(divergence.signature());
    }
}
