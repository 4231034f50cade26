package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.model.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every example promises its reader: editor support through the schema, and one example per mode. */
class ExampleFilesTest {
    private static final String SCHEMA_LINE = "# yaml-language-server: $schema=../schema/mailsystem.schema.json";

    @Test
    void everyExampleStartsWithTheSchemaLine() throws Exception {
        for (Path example : Examples.all()) {
            assertEquals(SCHEMA_LINE, Files.readAllLines(example).get(0), example.toString());
        }
    }

    @Test
    void everyModeHasAnExampleAndAFullOneExists() {
        Set<Mode> covered = EnumSet.noneOf(Mode.class);
        for (Path example : Examples.all()) {
            covered.add(Examples.compile(example).system().mode());
        }
        assertEquals(EnumSet.allOf(Mode.class), covered);
        assertTrue(Files.exists(Examples.DIRECTORY.resolve("full.yaml")));
    }
}
