package io.mailform.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.bench.Descriptions;
import io.mailform.bind.Binder;
import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.emit.EmitContext;
import io.mailform.emit.james.JamesEmitter;
import io.mailform.emit.postfix.PostfixEmitter;
import io.mailform.model.MailSystem;
import io.mailform.pipeline.Compilation;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import io.mailform.source.SourceFile;
import io.mailform.yaml.ReadResult;
import io.mailform.yaml.SourceMap;
import io.mailform.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worst shapes for the rules: a chain of 100,000 aliases (a1 → a2 → … → a100000 → root), each reaching the end
 * only through all the others, beside 10,000 networks; and the same chain closed into one loop.
 *
 * <p>How fast is measured by ci/benchmark, not here. What this test holds is the growth: the rules' time at four
 * times the size must stay well below sixteen times (quadratic) their time at the size, so the bound is 10 (a
 * linear rule gives about 4, n log n about 5). It compares the best of several runs at each size, taken in turn
 * in the same JVM after a warm-up, so a busy machine slows both sides alike; and a quadratic rule at these sizes
 * costs seconds against milliseconds, far outside what noise can hide or fake. The chain also shows that no rule
 * and no emitter recurses along it: 100,000 nested calls would overflow the stack.
 */
class PathologicalDescriptionsTest {
    private static final int ALIASES = 100_000;
    private static final int NETWORKS = 10_000;

    @Test
    void aLongChainAndManyNetworksValidateAndCompileWithoutADiagnostic() {
        Pipeline pipeline = new Pipeline();
        Validation validation = pipeline.validate("chain.yaml", bytes(Descriptions.chain(ALIASES, NETWORKS, false)));
        assertEquals(List.of(), validation.diagnostics());
        Compilation compilation = pipeline.compile(validation, List.of(new PostfixEmitter(), new JamesEmitter()),
                new EmitContext("chain.yaml", Path.of("."), Map.of(), validation.sourceMap()));
        assertEquals(List.of(), compilation.diagnostics());
        String aliases = new String(compilation.tree().files().get("postfix/aliases").content(),
                StandardCharsets.UTF_8);
        assertTrue(aliases.contains("\na1: a2\n") && aliases.contains("\na100000: root\n"), "the whole chain");
    }

    @Test
    void aLoopThroughTheWholeChainIsFoundOnceAtItsFirstAlias() {
        Validation validation = new Pipeline().validate("loop.yaml", bytes(Descriptions.chain(ALIASES, 0, true)));
        List<Diagnostic> loops = validation.diagnostics().stream().filter(d -> d.code() == Code.ALIAS_LOOP).toList();
        assertEquals(1, loops.size(), () -> loops.size() + " alias-loop diagnostics");
        assertEquals(validation.diagnostics(), loops, "nothing else");
        Diagnostic loop = loops.get(0);
        assertEquals(12, loop.span().start().line(), "at a1, the first alias of the loop");
        assertEquals(3, loop.span().start().column());
        assertTrue(loop.message().contains(": a1 -> a2 -> a3 -> "), loop.message().substring(0, 200));
        assertTrue(loop.message().contains(" -> a99999 -> a100000 -> a1; "),
                loop.message().substring(loop.message().length() - 200));
        assertEquals(ALIASES + 1, loop.message().split(" -> ").length, "every alias of the cycle, and a1 again");
    }

    @Test
    void theRulesGrowLinearlyWithTheChainAndTheNetworks() {
        Bound small = bind(Descriptions.chain(ALIASES / 4, NETWORKS / 4, false));
        Bound large = bind(Descriptions.chain(ALIASES, NETWORKS, false));
        Bound smallLoop = bind(Descriptions.chain(ALIASES / 4, 0, true));
        Bound largeLoop = bind(Descriptions.chain(ALIASES, 0, true));
        rules(small);
        rules(large); // warm-up
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int run = 0; run < 5; run++) {
            best[0] = Math.min(best[0], rules(small));
            best[1] = Math.min(best[1], rules(large));
            best[2] = Math.min(best[2], rules(smallLoop));
            best[3] = Math.min(best[3], rules(largeLoop));
        }
        double chain = best[1] / best[0];
        double loop = best[3] / best[2];
        String times = String.format("chain %.1f ms -> %.1f ms, loop %.1f ms -> %.1f ms", best[0] / 1e6,
                best[1] / 1e6, best[2] / 1e6, best[3] / 1e6);
        assertTrue(chain < 10, "the rules grow faster than n log n over a chain and networks: " + times);
        assertTrue(loop < 10, "the rules grow faster than n log n over a loop: " + times);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record Bound(MailSystem system, SourceFile source, SourceMap sourceMap) {
    }

    private static Bound bind(String text) {
        ReadResult read = new YamlReader().read("chain.yaml", bytes(text));
        io.mailform.bind.Bound bound = new Binder().bind(read.document().orElseThrow(), read.source(),
                read.sourceMap());
        return new Bound(bound.mailSystem().orElseThrow(), read.source(), read.sourceMap());
    }

    /** Nanoseconds for the standard rules over the bound description. */
    private static double rules(Bound bound) {
        long start = System.nanoTime();
        List<Diagnostic> diagnostics = Checker.standard().check(bound.system(), bound.source(), bound.sourceMap());
        long elapsed = System.nanoTime() - start;
        assertTrue(diagnostics.size() <= 1, diagnostics::toString);
        return elapsed;
    }
}
