package io.mailform.runtime.scenario;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.xml.stream.XMLStreamException;

import io.mailform.cli.TestCommandLine;
import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.diag.Diagnostics;
import io.mailform.diag.render.TextRenderer;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.oracle.Oracle;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import io.mailform.runtime.compile.DescriptionCompiler;
import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.postfix.PostfixRuntime;
import io.mailform.runtime.server.ServerKind;
import io.mailform.runtime.server.TemporaryDirectories;
import io.mailform.scenario.CaseGenerator;
import io.mailform.scenario.LeftOut;
import io.mailform.scenario.ScenarioReader;
import io.mailform.scenario.ScenarioValidation;
import io.mailform.scenario.ScenarioWriter;
import io.mailform.scenario.Scenarios;
import io.mailform.source.SourceFile;
import io.mailform.yaml.Findings;
import picocli.CommandLine.Command;

/**
 * {@code test DESCRIPTION [SCENARIOS...]}: runs every case of each scenario file (or cases generated from the
 * description) on James and on a private Postfix, both started from the compiled description, and judges each case
 * against what it expects, against the oracle, and the servers against each other. Its command line is declared in
 * {@link TestCommandLine}, which mailform's own help and completion read.
 */
@Command(name = "test")
public final class TestCommand extends TestCommandLine {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int IO = 3;
    /** Distinct from a failure: nothing was tested, so nothing can have passed. 4 is mailform's internal error. */
    static final int NOTHING_JUDGED = 5;
    /** The source name of generated cases that were not written to a file. */
    private static final String GENERATED = "generated";

    private final PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    private final Servers servers;

    public TestCommand() {
        this(Servers.sandboxed());
    }

    /** A command that starts its servers with {@code servers}: for tests of what it does when they cannot start. */
    TestCommand(Servers servers) {
        this.servers = servers;
    }

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(description);
        } catch (IOException e) {
            err.println("mailform: cannot read " + description + ": " + e.getMessage());
            return IO;
        }
        Validation validation = new Pipeline().validate(description.toString(), bytes);
        print(validation.source(), validation.diagnostics());
        if (validation.hasErrors() || validation.mailSystem().isEmpty()) {
            return FAILED;
        }
        MailSystem system = validation.mailSystem().get();
        if (system.mode() == Mode.NONE) {
            err.println("mailform: " + description + " has mode none: its main.cf is maintained by hand, so the "
                + "description does not say what the system does with mail; there is nothing to test");
            return FAILED;
        }
        Oracle oracle = new Oracle(system);
        List<Source> sources = new ArrayList<>();
        boolean invalid = false;
        for (Path file : scenarioFiles) {
            Optional<Source> source = read(file, system, oracle);
            if (source.isEmpty()) {
                invalid = true;
            } else {
                sources.add(source.get());
            }
        }
        if (invalid) {
            return FAILED;
        }
        if (generate || write != null || scenarioFiles.isEmpty()) {
            Optional<Source> generated = generated(system, oracle);
            if (generated.isEmpty()) {
                return IO;
            }
            sources.add(generated.get());
        }
        Optional<List<ServerKind>> kinds = servers();
        if (kinds.isEmpty()) {
            return USAGE;
        }
        return run(system, sources, kinds.get());
    }

    private record Source(String name, Scenarios scenarios, List<LeftOut> leftOut) {
        Source(String name, Scenarios scenarios) {
            this(name, scenarios, List.of());
        }
    }

    private int run(MailSystem system, List<Source> sources, List<ServerKind> kinds) {
        Path compiled;
        try {
            compiled = TemporaryDirectories.register(DescriptionCompiler.compileForPostfix(description, System.getenv(),
                err));
        } catch (StartupException e) {
            err.println("mailform: " + e.getMessage());
            return FAILED;
        }
        try {
            List<TestReport> reports = new ArrayList<>();
            for (Source source : sources) {
                reports.add(run(system, source, compiled, kinds));
            }
            if (!report(reports)) {
                return IO;
            }
            return status(reports);
        } finally {
            TemporaryDirectories.delete(compiled);
        }
    }

    private TestReport run(MailSystem system, Source source, Path compiled, List<ServerKind> kinds) {
        if (source.scenarios().cases().isEmpty()) {
            // No server needs to start to run no case.
            return new TestReport(description.toString(), source.name(), kinds, List.of(), Map.of(), Map.of(),
                source.leftOut());
        }
        String runId = UUID.randomUUID().toString().substring(0, 8);
        return new TestRun(system, servers, line -> err.println("  " + line))
            .run(description.toString(), source.name(), source.scenarios(), compiled, kinds, runId)
            .withLeftOut(source.leftOut());
    }

    /**
     * 1 when a case that ran came out wrong, else 5 when a source had no case judged (saying so on standard error),
     * else 1 when any case could not run, else 0.
     */
    private int status(List<TestReport> reports) {
        if (reports.stream().anyMatch(TestReport::failedJudged)) {
            return FAILED;
        }
        List<TestReport> untested = reports.stream().filter(TestReport::judgedNothing).toList();
        if (!untested.isEmpty()) {
            untested.forEach(report -> err.println("mailform: no case was judged in " + (report.source()
                .equals(GENERATED) ? "the cases generated from " + report.description() : report.source()) + ": "
                + report.whyNothingJudged() + "; this run tested nothing there"));
            return NOTHING_JUDGED;
        }
        return reports.stream().allMatch(TestReport::passed) ? OK : FAILED;
    }

    /** Writes the reports; false when the output file could not be written. */
    private boolean report(List<TestReport> reports) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try {
            switch (format) {
                case text -> reports.forEach(report -> new TextReport().print(report, out));
                case json -> new JsonReport().print(reports, out);
                case junit -> new JunitReport().write(reports, out);
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        out.flush();
        if (output == null) {
            System.out.write(buffer.toByteArray(), 0, buffer.size());
            System.out.flush();
            return true;
        }
        try {
            writeAtomically(output, buffer.toByteArray());
            err.println("mailform: wrote the report to " + output);
            return true;
        } catch (IOException e) {
            err.println("mailform: cannot write " + output + ": " + e.getMessage());
            return false;
        }
    }

    private Optional<Source> read(Path file, MailSystem system, Oracle oracle) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("mailform: cannot read " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        ScenarioValidation validation = new ScenarioReader().read(file.toString(), bytes, system, oracle);
        List<Diagnostic> diagnostics = new ArrayList<>(validation.diagnostics());
        validation.scenarios().ifPresent(scenarios -> diagnostics.addAll(otherDescription(file, scenarios,
            validation)));
        print(validation.source(), diagnostics);
        if (validation.hasErrors()) {
            return Optional.empty();
        }
        return validation.scenarios().map(scenarios -> new Source(file.toString(), scenarios));
    }

    /** A warning when the file says it tests another description than the one it is run with. */
    private List<Diagnostic> otherDescription(Path file, Scenarios scenarios, ScenarioValidation validation) {
        Path named = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("/"))
            .resolve(scenarios.description()).normalize();
        if (named.equals(description.toAbsolutePath().normalize())) {
            return List.of();
        }
        Diagnostics diagnostics = new Diagnostics(validation.source());
        new Findings(diagnostics, validation.sourceMap()).atValue(Code.SCENARIO_OTHER_DESCRIPTION, "/description",
            "these cases were written for " + scenarios.description() + " and are run with " + description,
            "name " + description + " under description, relative to " + file + ", if they are meant for it");
        return diagnostics.toList();
    }

    private Optional<Source> generated(MailSystem system, Oracle oracle) {
        String named = write == null ? description.toString()
            : Optional.ofNullable(write.toAbsolutePath().getParent()).orElse(Path.of("/"))
                .relativize(description.toAbsolutePath()).toString();
        CaseGenerator.Generated generated = new CaseGenerator(system, oracle).generate(named);
        generated.notes().forEach(note -> err.println("mailform: " + note));
        LeftOut.lines(generated.leftOut()).forEach(line -> err.println("mailform: " + description + ": " + line));
        if (write != null) {
            List<String> comment = new ArrayList<>(List.of("",
                "Cases generated by mailform test --write from " + description + ": what Postfix does with",
                "each, as mailform's oracle predicts it. Edit them, and run them with",
                "  mailform test " + description + " " + write, ""));
            generated.lines().forEach(line -> comment.add("Not generated: " + line));
            String text = new ScenarioWriter().write(generated.scenarios(), schemaPath(), comment);
            try {
                writeAtomically(write, text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println("mailform: cannot write " + write + ": " + e.getMessage());
                return Optional.empty();
            }
            err.println("mailform: wrote " + generated.scenarios().cases().size() + " cases to " + write);
        }
        return Optional.of(new Source(write == null ? GENERATED : write.toString(), generated.scenarios(),
            generated.leftOut()));
    }

    /** The scenario schema of this checkout, relative to the written file, for editors; when it can be found. */
    private Optional<String> schemaPath() {
        return Optional.ofNullable(System.getProperty("mailform.home"))
            .map(home -> Path.of(home, "schema", "scenarios.schema.json").toAbsolutePath().normalize())
            .filter(Files::isRegularFile)
            .map(schema -> Optional.ofNullable(write.toAbsolutePath().getParent()).orElse(Path.of("/"))
                .relativize(schema).toString());
    }

    private Optional<List<ServerKind>> servers() {
        Optional<String> postfixProblem = PostfixRuntime.hostProblem();
        if (server == null) {
            if (postfixProblem.isPresent()) {
                err.println("mailform: testing on James only: " + postfixProblem.get());
                return Optional.of(List.of(ServerKind.JAMES));
            }
            return Optional.of(List.of(ServerKind.JAMES, ServerKind.POSTFIX));
        }
        if (server != ServerChoice.james && postfixProblem.isPresent()) {
            err.println("mailform: --server " + server + ": " + postfixProblem.get());
            return Optional.empty();
        }
        return Optional.of(switch (server) {
            case james -> List.of(ServerKind.JAMES);
            case postfix -> List.of(ServerKind.POSTFIX);
            case both -> List.of(ServerKind.JAMES, ServerKind.POSTFIX);
        });
    }

    private void print(SourceFile source, List<Diagnostic> diagnostics) {
        if (!diagnostics.isEmpty()) {
            new TextRenderer(false).render(diagnostics, Map.of(source.name(), source), err);
        }
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path directory = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("/"));
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            out.write(content);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
