package io.mailform.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.emit.ExampleFiles;
import io.mailform.model.MailSystem;
import io.mailform.oracle.Oracle;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The scenario files of examples/scenarios/: each reads without a diagnostic against the description it names, and
 * the oracle predicts every case as the file expects it (the servers are judged in the runtime's tests).
 */
class ScenarioFilesTest {
    static final Path DIRECTORY = ExampleFiles.DIRECTORY.resolve("scenarios");

    static List<Path> files() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyExampleButNoneHasAScenarioFile() {
        List<String> scenarios = files().stream().map(ExampleFiles::name).toList();
        List<String> examples = ExampleFiles.all().stream().map(ExampleFiles::name)
                .filter(name -> !name.equals("none")).toList();
        assertEquals(examples, scenarios);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseHoldsForTheOracle() {
        return files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Loaded loaded = load(file);
            Expectations expectations = new Expectations(loaded.oracle());
            ScenarioOracle predictions = new ScenarioOracle(loaded.system(), loaded.oracle());
            List<String> failures = new ArrayList<>();
            for (Case item : loaded.scenarios().cases()) {
                CasePrediction prediction = predictions.predict(item);
                assertTrue(prediction.isCertain(), item.name() + ": " + prediction.uncertainties());
                expectations.mismatches(item, prediction.outcomes())
                        .forEach(mismatch -> failures.add(item.name() + ": " + mismatch));
            }
            assertEquals(List.of(), failures);
        }));
    }

    record Loaded(Scenarios scenarios, MailSystem system, Oracle oracle) {
    }

    /** A scenario file and the description it names, both without any diagnostic. */
    static Loaded load(Path file) throws IOException {
        ScenarioValidation first = new ScenarioReader().read(file.toString(), Files.readAllBytes(file));
        assertEquals(List.of(), first.diagnostics());
        Path description = file.getParent().resolve(first.scenarios().orElseThrow().description()).normalize();
        Validation validation = new Pipeline().validate(description.toString(), Files.readAllBytes(description));
        assertFalse(validation.hasErrors(), validation.diagnostics()::toString);
        MailSystem system = validation.mailSystem().orElseThrow();
        Oracle oracle = new Oracle(system);
        ScenarioValidation checked = new ScenarioReader().read(file.toString(), Files.readAllBytes(file), system,
                oracle);
        assertEquals(List.of(), checked.diagnostics());
        return new Loaded(checked.scenarios().orElseThrow(), system, oracle);
    }
}
