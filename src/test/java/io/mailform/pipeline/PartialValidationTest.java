package io.mailform.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.diag.Diagnostic;
import io.mailform.emit.ExampleFiles;
import io.mailform.model.Part;
import io.mailform.schema.SchemaValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The semantic problems of a description that fails the schema, found in what passed it. What may be reported is
 * pinned down by a property: a description that fails the schema in one place is one mistake away from a valid one,
 * and every semantic diagnostic it gets must be one that valid description gets too, at the same place with the same
 * words. A diagnostic that only the mistake could cause (relay-required for a relay that is there but broken, an
 * unknown target that names an alias left out) would break it.
 */
class PartialValidationTest {
    private static final Pipeline PIPELINE = new Pipeline();
    private static final Pattern KEY_AND_VALUE = Pattern.compile("^(\\s*(?:- )?)([A-Za-z_][\\w.+-]*):(\\s+)(\\S.*)$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*- )(\\S.*)$");
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([a-z_]+):(.*)$");

    @Test
    void everyMistakeLeavesOnlyDiagnosticsTheValidDescriptionHasToo() throws IOException {
        int descriptions = 0;
        int mistakes = 0;
        int semanticKept = 0;
        for (Path file : validDescriptions()) {
            Validation valid = PIPELINE.validate(file.toString(), Files.readAllBytes(file));
            if (valid.mailSystem().isEmpty()) {
                continue;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            descriptions++;
            Set<String> allowed = valid.diagnostics().stream().map(PartialValidationTest::key)
                    .collect(Collectors.toSet());
            for (String broken : mistakes(text)) {
                Validation validation = PIPELINE.validate(file.toString(), broken.getBytes(StandardCharsets.UTF_8));
                List<Diagnostic> semantic = validation.diagnostics().stream()
                        .filter(diagnostic -> !diagnostic.code().id().startsWith("schema-")
                                && !diagnostic.code().id().equals("alias-target-not-allowed"))
                        .toList();
                if (semantic.size() == validation.diagnostics().size()) {
                    continue; // the change kept the description valid, or broke it in no way the schema sees
                }
                mistakes++;
                assertTrue(validation.mailSystem().isEmpty(), "no model of a description that fails the schema");
                for (Diagnostic diagnostic : semantic) {
                    assertTrue(allowed.contains(key(diagnostic)), () -> "a diagnostic the valid description does not"
                            + " have:\n" + key(diagnostic) + "\nin\n" + broken + "\nvalid: " + allowed);
                }
                semanticKept += semantic.size();
            }
        }
        assertTrue(descriptions >= 30, "valid descriptions to break, found " + descriptions);
        assertTrue(mistakes >= 500, "mistakes made, found " + mistakes);
        // The property holds trivially if nothing is reported: most diagnostics of the valid descriptions survive.
        assertTrue(semanticKept >= 200, "semantic diagnostics kept beside the schema errors, found " + semanticKept);
    }

    @Test
    void aModeLeftOutStillAllowsWhatDoesNotDependOnIt() {
        List<String> found = codes("""
                version: 1
                mode: internet-sit
                hostname: mail.example.org
                mail_name: example.org
                destinations: [example.org, localhost]
                aliases: {a: b, b: a}
                """);
        // The destinations are written, so local names do not depend on the mode: the loop is certain.
        assertEquals(List.of("schema-enum 2:7", "alias-loop 6:11"), found);
    }

    @Test
    void aDefaultDerivedFromAModeLeftOutIsLeftOutToo() {
        List<String> found = codes("""
                version: 1
                mode: satelite
                hostname: host.example.org
                mail_name: example.org
                aliases: {a: b@example.org, b: a}
                """);
        // Whether example.org is local depends on the default destinations, which depend on the mode.
        assertEquals(List.of("schema-enum 2:7"), found);
    }

    @Test
    void anUnknownKeyLikeNoKeyStandsForEveryKeyNotWritten() {
        List<String> found = codes("""
                version: 1
                mode: satellite
                hostname: host.example.org
                mail_name: example.org
                smarthost: {host: smtp.example.net}
                mailbox_size_limit: 1MB
                networks: [0.0.0.0/0]
                """);
        // smarthost may be the relay, or message_size_limit: neither relay-required nor mailbox-limit-too-small is
        // certain. The networks are written, and their open relay is.
        assertEquals(List.of("schema-unknown-key 5:1", "networks-open-relay 7:12"), found);
    }

    @Test
    void aPartThatFailsOnlyOnceAnotherIsLeftOutIsLeftOutToo() {
        List<String> found = codes("""
                version: 1
                mode: internet-site
                hostname: mail.example.org
                mail_name: example.org
                allow_alias_targets: [command, command]
                aliases:
                  tickets: "|/usr/local/bin/ticket-intake"
                networks: [0.0.0.0/0]
                """);
        // Without allow_alias_targets, tickets fails too and is left out, so the rest can be bound.
        assertEquals(List.of("schema-unique 5:32", "networks-open-relay 8:12"), found);
    }

    @Test
    void aDocumentOfTheWrongKindHasNoSemanticProblems() {
        assertEquals(List.of("schema-type 1:1"), codes("[version, mode]\n"));
    }

    @Test
    void thePartsAreTheSchemasTopLevelKeys() {
        JsonNode properties = JsonMapper.shared().readTree(SchemaValidator.schemaText()).get("properties");
        assertEquals(properties.propertyNames().stream().sorted().toList(),
                Arrays.stream(Part.values()).map(Part::key).sorted().toList());
        for (Part part : Part.values()) {
            // Entries stand alone only in lists of items and in mappings of names the schema does not fix.
            JsonNode schema = properties.get(part.key());
            boolean collection = "array".equals(schema.path("type").asString(""))
                    || schema.path("additionalProperties").isObject();
            assertTrue(!part.hasEntries() || collection, part + " is no collection");
        }
    }

    /**
     * Every description in examples/, the invalid inputs that pass the schema (their problems are semantic), and
     * the descriptions in partial/, written for this test: valid, with problems that depend on other parts.
     */
    private static List<Path> validDescriptions() throws IOException {
        List<Path> files = new ArrayList<>(ExampleFiles.all());
        for (String directory : List.of("invalid", "partial")) {
            try (Stream<Path> found = Files.list(ExampleFiles.PROJECT.resolve("src/test/resources/" + directory))) {
                found.filter(path -> path.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /**
     * One mistake at a time, each keeping every line where it was: a value replaced by one no key accepts (a
     * control character), a top-level key misspelt, and a top-level key renamed to one it does not resemble.
     */
    private static List<String> mistakes(String text) {
        String[] lines = text.split("\n", -1);
        List<String> mistakes = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher keyAndValue = KEY_AND_VALUE.matcher(line);
            Matcher item = ITEM.matcher(line);
            if (keyAndValue.matches()) {
                mistakes.add(replaced(lines, i, keyAndValue.group(1) + keyAndValue.group(2) + ": \"\\x01\""));
            } else if (item.matches()) {
                mistakes.add(replaced(lines, i, item.group(1) + "\"\\x01\""));
            }
            Matcher topLevel = TOP_LEVEL_KEY.matcher(line);
            if (topLevel.matches() && topLevel.group(1).length() > 2) {
                String key = topLevel.group(1);
                String misspelt = key.charAt(1) + "" + key.charAt(0) + key.substring(2);
                mistakes.add(replaced(lines, i, misspelt + ":" + topLevel.group(2)));
                mistakes.add(replaced(lines, i, "zz_unrelated:" + topLevel.group(2)));
            }
        }
        return mistakes;
    }

    private static String replaced(String[] lines, int index, String line) {
        String[] copy = lines.clone();
        copy[index] = line;
        return String.join("\n", copy);
    }

    private static String key(Diagnostic diagnostic) {
        return diagnostic.code().id() + " " + diagnostic.span().start().line() + ":"
                + diagnostic.span().start().column() + " " + diagnostic.message();
    }

    private static List<String> codes(String yaml) {
        Validation validation = PIPELINE.validate("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertTrue(validation.mailSystem().isEmpty(), "no model of a description that fails the schema");
        return validation.diagnostics().stream()
                .map(d -> d.code().id() + " " + d.span().start().line() + ":" + d.span().start().column())
                .toList();
    }
}
