package io.mailform.cli;

import io.mailform.emit.EmitContext;
import io.mailform.emit.Emitter;
import io.mailform.pipeline.Compilation;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import java.util.List;
import java.util.Optional;

/** The step compile and diff share: a validated description compiled, its diagnostics and the emitters' reported. */
final class ReportedCompilation {
    private ReportedCompilation() {
    }

    /**
     * Adds the validation's diagnostics to the reporter and, when they let it go on, compiles with {@code emitters}
     * and adds theirs. Returns the compilation, its diagnostics added but not printed yet; empty once the reporter has
     * printed what failed.
     */
    static Optional<Compilation> of(Pipeline pipeline, Validation validation, InputFile input, List<Emitter> emitters,
            Reporter reporter) {
        reporter.add(validation.source(), validation.diagnostics());
        if (reporter.fails(validation.diagnostics())) {
            reporter.print();
            return Optional.empty();
        }
        EmitContext context = new EmitContext(input.baseName(), input.baseDirectory(), System.getenv(),
                validation.sourceMap());
        Compilation compilation = pipeline.compile(validation, emitters, context);
        reporter.add(validation.source(), compilation.diagnostics());
        if (reporter.fails(compilation.diagnostics())) {
            reporter.print();
            return Optional.empty();
        }
        return Optional.of(compilation);
    }
}
