package io.mailform.pipeline;

import io.mailform.bind.Binder;
import io.mailform.bind.Bound;
import io.mailform.check.Checker;
import io.mailform.diag.Diagnostic;
import io.mailform.emit.EmitContext;
import io.mailform.emit.Emitted;
import io.mailform.emit.Emitter;
import io.mailform.emit.OutputTree;
import io.mailform.prune.Pruned;
import io.mailform.prune.Pruner;
import io.mailform.schema.SchemaFailure;
import io.mailform.schema.SchemaResult;
import io.mailform.schema.SchemaValidator;
import io.mailform.source.SourceFile;
import io.mailform.yaml.Limits;
import io.mailform.yaml.ReadResult;
import io.mailform.yaml.SourceMap;
import io.mailform.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The stages in order. Each returns its value with its diagnostics; a stage runs only on what the one before it
 * could vouch for, so one file gets every problem that can be found without guessing at broken structure.
 *
 * <p>A description that fails the schema is not bound as a whole: it has no model, so nothing compiles, explains or
 * tests from it. Its semantic problems are still looked for in what passed ({@link Pruner}): every part that holds
 * a schema error is left out, at the smallest unit that can go alone (one alias, user, route, network, destination
 * or postfix parameter, otherwise the top-level key), and an unknown top-level key also leaves out the keys it
 * resembles, or every key not written if it resembles none; what is left is validated again (leaving out one part
 * can make another fail, and that goes too), bound, and checked by the rules that read nothing left out, whole or
 * in part, directly or through a default derived from it ({@link io.mailform.check.Rule#reads}). A rule that judges
 * each entry on its own still runs on the entries that are left. A valid description takes none of this path.
 */
public final class Pipeline {
    private final YamlReader reader;
    private final SchemaValidator schema = new SchemaValidator();
    private final Binder binder = new Binder();
    private final Checker checker = Checker.standard();

    public Pipeline() {
        this(Limits.DEFAULT);
    }

    /** A pipeline that reads inputs within these limits ({@code --max-input-size}). */
    public Pipeline(Limits limits) {
        this.reader = new YamlReader(limits);
    }

    public Validation validate(String name, byte[] bytes) {
        Validation bound = bind(name, bytes);
        if (bound.mailSystem().isEmpty()) {
            return bound;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(bound.diagnostics());
        diagnostics.addAll(checker.check(bound.mailSystem().get(), bound.source(), bound.sourceMap()));
        return new Validation(bound.source(), bound.sourceMap(), bound.mailSystem(), diagnostics);
    }

    /**
     * Reading, the schema and binding: the JSON tree lives only here, so that the checks and the emitters of a large
     * description run without it in memory.
     */
    private Validation bind(String name, byte[] bytes) {
        ReadResult read = reader.read(name, bytes);
        List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
        if (read.document().isEmpty()) {
            return new Validation(read.source(), read.sourceMap(), Optional.empty(), diagnostics);
        }
        SchemaResult schemaResult = schema.check(read.document().get(), read.source(), read.sourceMap());
        diagnostics.addAll(schemaResult.diagnostics());
        if (schemaResult.hasErrors()) {
            diagnostics.addAll(checkWhatPassed(read.document().get(), schemaResult.failures(), read.source(),
                    read.sourceMap()));
            return new Validation(read.source(), read.sourceMap(), Optional.empty(), diagnostics);
        }
        Bound bound = binder.bind(read.document().get(), read.source(), read.sourceMap());
        diagnostics.addAll(bound.diagnostics());
        return new Validation(read.source(), read.sourceMap(), bound.mailSystem(), diagnostics);
    }

    /** The semantic problems of the parts of a description that passed the schema; the model is dropped after. */
    private List<Diagnostic> checkWhatPassed(JsonNode document, List<SchemaFailure> failures, SourceFile source,
            SourceMap sourceMap) {
        Optional<Pruned> pruned = new Pruner(schema).prune(document, failures);
        if (pruned.isEmpty()) {
            return List.of();
        }
        SourceMap kept = sourceMap.viewedThrough(pruned.get().toFile());
        Bound bound = binder.bind(pruned.get().document(), source, kept);
        List<Diagnostic> diagnostics = new ArrayList<>(bound.diagnostics());
        bound.mailSystem().ifPresent(system -> diagnostics.addAll(
                checker.check(system, pruned.get().coverage(), source, kept)));
        return diagnostics;
    }

    /** Runs the emitters over a validation without errors; their trees are placed under their target names. */
    public Compilation compile(Validation validation, List<Emitter> emitters, EmitContext context) {
        if (validation.hasErrors() || validation.mailSystem().isEmpty()) {
            throw new IllegalStateException("compile needs a validation without errors");
        }
        OutputTree tree = OutputTree.empty();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Emitter emitter : emitters) {
            Emitted emitted = emitter.emit(validation.mailSystem().get(), validation.source(), context);
            tree = tree.merge(emitted.tree().under(emitter.target()));
            diagnostics.addAll(emitted.diagnostics());
        }
        return new Compilation(tree, diagnostics);
    }
}
