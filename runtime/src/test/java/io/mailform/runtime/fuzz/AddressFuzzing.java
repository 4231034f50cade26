package io.mailform.runtime.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A fuzzing run over one description: the two servers, the grammar, and the tally. Each input becomes a probe, is
 * judged on both servers, and its divergences are sorted: explained by a known difference (counted), shown already
 * by an open finding (counted), or new: a failure, or in a survey a finding kept in the survey's directory.
 */
final class AddressFuzzing implements AutoCloseable {
    /** The system property that turns a run into a survey, and names where it keeps its findings. */
    static final String SURVEY = "mailform.fuzz.findings";

    private final AddressDifferential differential;
    private final AddressGrammar grammar;
    private final OpenFindings open;
    private final Optional<FindingStore> survey;
    private final long started = System.nanoTime();
    private long executions;
    private long accepted;
    private final Set<String> shapes = new TreeSet<>();
    private final Set<String> classes = new TreeSet<>();
    private final AddressClass addressClass;
    private final Map<String, Long> known = new TreeMap<>();
    private final Map<String, Long> openSeen = new TreeMap<>();
    private final Map<String, Long> newSeen = new LinkedHashMap<>();
    private long late;

    private AddressFuzzing(AddressDifferential differential, OpenFindings open, Optional<FindingStore> survey) {
        this.differential = differential;
        this.grammar = new AddressGrammar(AddressVocabulary.of(differential.system()));
        this.addressClass = new AddressClass(AddressVocabulary.of(differential.system()));
        this.open = open;
        this.survey = survey;
    }

    static AddressFuzzing start(Path description, UnaryOperator<Path> plant, Path openFindings,
            Optional<Path> surveyDirectory) throws Exception {
        OpenFindings open = OpenFindings.read(openFindings);
        Optional<FindingStore> survey = surveyDirectory.isPresent()
            ? Optional.of(FindingStore.in(surveyDirectory.get())) : Optional.empty();
        return new AddressFuzzing(AddressDifferential.start(description, plant), open, survey);
    }

    static Optional<Path> surveyDirectory() {
        String directory = System.getProperty(SURVEY, "");
        return directory.isBlank() ? Optional.empty() : Optional.of(Path.of(directory).toAbsolutePath());
    }

    AddressDifferential differential() {
        return differential;
    }

    AddressGrammar grammar() {
        return grammar;
    }

    /** Judges one input; throws when the servers differ in a way nothing explains and no survey is running. */
    ProbeResult probe(byte[] input) throws Exception {
        Probe probe = Probe.generate(grammar, new Choices(input));
        ProbeResult result = differential.judge(probe);
        executions++;
        if (result.james().accepted() || result.postfix().accepted()) {
            accepted++;
        }
        shapes.add(probe.sender().shape());
        probe.recipients().forEach(recipient -> shapes.add(recipient.shape()));
        classes.add(addressClass.of(probe.sender()));
        probe.recipients().forEach(recipient -> classes.add(addressClass.of(recipient)));
        if (!result.late().isEmpty()) {
            late += result.late().size();
            System.err.println("address fuzzing: delivered late, not at all or held, after " + probe.text() + ":\n  "
                + String.join("\n  ", result.late()));
        }
        result.divergences().forEach(divergence -> divergence.knownDifference()
            .ifPresent(difference -> known.merge(difference.id(), 1L, Long::sum)));
        List<Divergence> unexplained = result.unexplained();
        for (Divergence divergence : unexplained) {
            Optional<String> finding = open.finding(divergence);
            if (finding.isPresent()) {
                openSeen.merge(finding.get(), 1L, Long::sum);
            }
            if (!open.shows(divergence)) {
                newSeen.merge(divergence.signature(), 1L, Long::sum);
            }
        }
        if (survey.isPresent()) {
            survey.get().keep(input, result, unexplained.stream().filter(divergence -> !open.shows(divergence))
                .toList());
            if (unexplained.isEmpty()) {
                survey.get().keepAgreement(input, ProbeJudge.transactionClass(addressClass, probe));
            }
        } else if (unexplained.stream().anyMatch(divergence -> open.finding(divergence).isEmpty())) {
            throw new AssertionError("James and Postfix differ, and no known difference or open finding "
                + "explains it:\n" + result.report() + "If it is a new finding, keep this input in "
                + AddressFuzzTest.FINDINGS + " with a .txt beside it that holds its signature (see README.md "
                + "there); once fixed, move it to AddressFuzzTestInputs.");
        }
        return result;
    }

    /** The run in numbers: executions and their rate, shapes, and every kind of divergence seen. */
    String summary() {
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder text = new StringBuilder(String.format(
            "address fuzzing: %d executions in %.0f s (%.2f/s, servers' start included), %d with a message accepted "
                + "on a server; %d distinct address shapes (grammar productions), %d address classes; %d deliveries "
                + "late, missing or held%n",
            executions, seconds, executions / seconds, accepted, shapes.size(), classes.size(), late));
        text.append("  time: ").append(differential.timing()).append('\n');
        known.forEach((id, count) -> text.append(String.format("  known difference %s: %d%n", id, count)));
        openSeen.forEach((name, count) -> text.append(String.format("  open finding %s: %d%n", name, count)));
        newSeen.forEach((signature, count) -> text.append(String.format("  not in the open findings: %d x %s%n",
            count, signature)));
        survey.ifPresent(store -> text.append("  survey: ").append(store.kept()).append(" new findings kept in ")
            .append(store.directory()).append('\n'));
        return text.toString();
    }

    /** Writes the summary and every shape seen beside a survey's findings. */
    private void writeSurveyTally() {
        survey.ifPresent(store -> {
            try {
                Files.writeString(store.directory().resolve("summary.txt"), summary(), StandardCharsets.UTF_8);
                Files.write(store.directory().resolve("shapes.txt"), shapes, StandardCharsets.UTF_8);
                Files.write(store.directory().resolve("classes.txt"), classes, StandardCharsets.UTF_8);
                Files.write(store.directory().resolve("signatures.txt"), newSeen.entrySet().stream()
                    .map(entry -> entry.getValue() + "\t" + entry.getKey()).collect(Collectors.toList()),
                    StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("address fuzzing: cannot write the survey's tally: " + e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        writeSurveyTally();
        differential.close();
    }
}
