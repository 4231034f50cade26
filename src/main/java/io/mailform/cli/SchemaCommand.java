package io.mailform.cli;

import io.mailform.schema.SchemaValidator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Print the JSON Schema of the description, for editors.", "",
            "The schema of the YAML description, draft 2020-12, for editors and other tools."})
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Main.out(spec).print(SchemaValidator.schemaText());
        Main.out(spec).flush();
        return ExitCode.OK;
    }
}
