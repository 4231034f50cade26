package io.mailform.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.emit.ExampleFiles;
import io.mailform.model.MailSystem;
import io.mailform.oracle.Oracle;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated cases for every example: written as a scenario file that reads back without a diagnostic and to the
 * same cases, each case holding for the oracle, and the kinds of case the description calls for present.
 */
class CaseGeneratorTest {
    /** Every example but none, and the descriptions the runtime's tests run. */
    static List<Path> examples() throws java.io.IOException {
        List<Path> all = new ArrayList<>(ExampleFiles.all().stream()
                .filter(path -> !ExampleFiles.name(path).equals("none")).toList());
        try (Stream<Path> files = Files.list(ExampleFiles.PROJECT.resolve("runtime/src/test/resources/descriptions"))) {
            files.filter(path -> path.toString().endsWith(".yaml")).sorted().forEach(all::add);
        }
        return all;
    }

    static MailSystem system(Path file) throws Exception {
        Validation validation = new Pipeline().validate(file.toString(), Files.readAllBytes(file));
        assertFalse(validation.hasErrors(), validation.diagnostics()::toString);
        return validation.mailSystem().orElseThrow();
    }

    @TestFactory
    Stream<DynamicTest> generatedCasesRoundTripAndHoldForTheOracle() throws java.io.IOException {
        return examples().stream().map(file -> DynamicTest.dynamicTest(ExampleFiles.name(file), () -> {
            MailSystem system = system(file);
            Oracle oracle = new Oracle(system);
            CaseGenerator.Generated generated = new CaseGenerator(system, oracle).generate("../" + file.getFileName());
            assertTrue(generated.scenarios().cases().size() >= 10, () -> generated.scenarios().cases().stream()
                    .map(Case::name).toList().toString());
            String text = new ScenarioWriter().write(generated.scenarios(), Optional.of("x.json"), List.of("test"));
            assertEquals(text, new ScenarioWriter().write(new CaseGenerator(system, oracle)
                    .generate("../" + file.getFileName()).scenarios(), Optional.of("x.json"), List.of("test")),
                    "the same description gives the same file");
            ScenarioValidation read = new ScenarioReader().read("generated.yaml",
                    text.getBytes(StandardCharsets.UTF_8), system, oracle);
            assertEquals(List.of(), read.diagnostics(), text);
            assertEquals(generated.scenarios().cases().stream().map(item -> item.send()).toList(),
                    read.scenarios().orElseThrow().cases().stream().map(item -> item.send()).toList());
            Expectations expectations = new Expectations(oracle);
            ScenarioOracle predictions = new ScenarioOracle(system, oracle);
            List<String> failures = new ArrayList<>();
            for (Case item : read.scenarios().orElseThrow().cases()) {
                expectations.mismatches(item, predictions.predict(item).outcomes())
                        .forEach(mismatch -> failures.add(item.name() + ": " + mismatch));
            }
            assertEquals(List.of(), failures, text);
        }));
    }

    @Test
    void theSmarthostRoutesTricksAndLimitsAreCovered() throws Exception {
        MailSystem system = system(ExampleFiles.DIRECTORY.resolve("full.yaml"));
        List<String> names = new CaseGenerator(system, new Oracle(system)).generate("full.yaml").scenarios().cases()
                .stream().map(Case::name).toList();
        for (String expected : List.of("route lists.example.org", "route partner.example.com",
                "a client inside networks sends to another domain", "a client outside networks cannot relay",
                "relay trick from outside: percent hack", "relay trick from inside: quoted local part",
                "a message over message_size_limit is refused at MAIL", "an unknown user is refused",
                "alias sales reaches its targets", "system accounts nobody and www-data")) {
            assertTrue(names.contains(expected), expected + " in " + names);
        }
    }

    @Test
    void aSmallMailboxLimitGetsAFullMailboxCase() throws Exception {
        MailSystem system = new Pipeline().validate("limits.yaml", """
                version: 1
                mode: internet-site
                hostname: mail.example.org
                mail_name: example.org
                networks: [127.0.0.1/32]
                users: [{name: carol}]
                message_size_limit: 100KiB
                mailbox_size_limit: 250KiB
                """.getBytes(StandardCharsets.UTF_8)).mailSystem().orElseThrow();
        Case full = new CaseGenerator(system, new Oracle(system)).generate("limits.yaml").scenarios().cases()
                .stream().filter(item -> item.name().startsWith("a full mailbox")).findFirst().orElseThrow();
        // Whatever the earlier cases left in carol's mailbox, all messages but the last fit, and the last is bounced.
        assertEquals(java.util.Map.of("carol", full.send().repeat() - 1), full.expect().delivered());
        assertEquals(List.of(CaseGenerator.REMOTE_SENDER), full.expect().bounced());
    }
}
