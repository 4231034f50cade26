package io.mailform.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.diag.Diagnostic;
import io.mailform.yaml.ReadResult;
import io.mailform.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads YAML text as the pipeline does and runs the schema stage on it. */
final class Validate {
    private Validate() {
    }

    static ReadResult read(String yaml) {
        ReadResult read = new YamlReader().read("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertTrue(read.document().isPresent(), () -> "the test YAML does not read: " + read.diagnostics());
        return read;
    }

    static List<Diagnostic> yaml(String yaml) {
        ReadResult read = read(yaml);
        return new SchemaValidator().validate(read.document().orElseThrow(), read.source(), read.sourceMap());
    }

    /** "schema-type@6:9": what the table-driven tests compare. */
    static String codeAndPosition(Diagnostic diagnostic) {
        return diagnostic.code().id() + "@" + diagnostic.span().start();
    }
}
