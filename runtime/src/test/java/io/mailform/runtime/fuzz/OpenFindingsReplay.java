package io.mailform.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs every open finding ({@code AddressFuzzTestFindings/}) once on both servers and says which still show a
 * difference and which the servers agree on now (those move to the regression inputs), and writes each one's
 * {@code .txt} anew from what the servers answered. Not part of the build (the findings are expected to fail);
 * {@code ci/fuzz-addresses --replay} runs it. With {@code -Dmailform.fuzz.findings=DIR} the inputs are read from DIR.
 */
class OpenFindingsReplay {
    @Test
    void replayEveryOpenFinding() throws Exception {
        Path directory = AddressFuzzing.surveyDirectory().orElse(AddressFuzzTest.FINDINGS);
        List<Path> inputs;
        try (Stream<Path> files = Files.list(directory)) {
            inputs = files.filter(file -> !file.getFileName().toString().contains("."))
                .filter(Files::isRegularFile).sorted().toList();
        }
        List<String> agreeing = new ArrayList<>();
        Path empty = Files.createTempDirectory("mailform-no-findings-");
        try (AddressFuzzing fuzzing = AddressFuzzing.start(AddressFuzzTest.DESCRIPTION, UnaryOperator.identity(),
                empty, Optional.empty())) {
            for (Path input : inputs) {
                ProbeResult result = fuzzing.differential().judge(Probe.generate(fuzzing.grammar(),
                    new Choices(Files.readAllBytes(input))));
                List<Divergence> unexplained = result.unexplained();
                if (unexplained.isEmpty()) {
                    agreeing.add(input.getFileName().toString());
                    System.err.println("agrees now: " + input.getFileName() + ": " + result.probe().text());
                    continue;
                }
                StringBuilder text = new StringBuilder();
                for (Divergence divergence : unexplained) {
                    text.append(OpenFindings.SIGNATURE).append(divergence.signature()).append('\n')
                        .append(OpenFindings.ANSWERS).append(divergence.answers()).append('\n');
                }
                text.append('\n').append(result.report());
                Files.writeString(input.resolveSibling(input.getFileName() + ".txt"), text, StandardCharsets.UTF_8);
                System.err.println("still differs: " + input.getFileName() + ": " + result.probe().text());
            }
        } finally {
            Files.deleteIfExists(empty);
        }
        System.err.printf("%d findings replayed: %d still differ, %d agree now%s%n", inputs.size(),
            inputs.size() - agreeing.size(), agreeing.size(), agreeing.isEmpty() ? ""
                : " (move them to " + AddressSeedsTest.INPUTS + " and delete their .txt): " + agreeing);
        assertTrue(inputs.size() > 0, "no findings in " + directory);
    }
}
