package io.mailform.scenario;

import io.mailform.diag.Diagnostic;
import io.mailform.model.MailSystem;
import io.mailform.oracle.Oracle;
import io.mailform.schema.SchemaKind;
import io.mailform.schema.SchemaValidator;
import io.mailform.yaml.ReadResult;
import io.mailform.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a scenario file through the same front end as descriptions: YAML with positions and hostile-input limits,
 * then the scenario schema, then the binder. Checks that need the description come after, in
 * {@link ScenarioChecker}.
 */
public final class ScenarioReader {
    private final YamlReader reader = new YamlReader();
    private final SchemaValidator schema = new SchemaValidator(SchemaKind.SCENARIOS);

    public ScenarioValidation read(String name, byte[] bytes) {
        ReadResult read = reader.read(name, bytes);
        List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
        if (read.document().isEmpty()) {
            return new ScenarioValidation(read.source(), read.sourceMap(), Optional.empty(), diagnostics);
        }
        List<Diagnostic> schemaProblems = schema.validate(read.document().get(), read.source(), read.sourceMap());
        diagnostics.addAll(schemaProblems);
        if (schemaProblems.stream().anyMatch(Diagnostic::isError)) {
            return new ScenarioValidation(read.source(), read.sourceMap(), Optional.empty(), diagnostics);
        }
        Scenarios scenarios = new ScenarioBinder().bind(read.document().get());
        return new ScenarioValidation(read.source(), read.sourceMap(), Optional.of(scenarios), diagnostics);
    }

    /** Reads the file and checks it against the description it is run with. */
    public ScenarioValidation read(String name, byte[] bytes, MailSystem system, Oracle oracle) {
        ScenarioValidation read = read(name, bytes);
        if (read.scenarios().isEmpty()) {
            return read;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
        diagnostics.addAll(new ScenarioChecker(system, oracle).check(read.scenarios().get(), read.source(),
                read.sourceMap()));
        return new ScenarioValidation(read.source(), read.sourceMap(), read.scenarios(), diagnostics);
    }
}
