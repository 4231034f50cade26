package io.mailform.bench;

import io.mailform.emit.EmitContext;
import io.mailform.emit.postfix.PostfixEmitter;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * How much mailform costs on top of merely parsing the YAML. The yardstick, measured in the same run on the same
 * text, is SnakeYAML Engine's plain {@code Load}; the table gives each stage's median time as a multiple of it, so
 * that the numbers compare across machines. Run with {@code ci/benchmark}.
 */
public final class CompileBenchmark {
    private static final int WARMUP = 20;
    private static final int RUNS = 21;

    public static void main(String[] args) {
        System.out.println("| aliases | users | routes | bytes | yardstick: YAML load (ms) | validate (ms) | ratio | validate + Postfix (ms) | ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int size : List.of(100, 1_000, 5_000)) {
            row(size, size / 2, Math.max(1, size / 50));
        }
    }

    private static void row(int aliases, int users, int routes) {
        byte[] yaml = Descriptions.description(aliases, users, routes).getBytes(StandardCharsets.UTF_8);
        String text = new String(yaml, StandardCharsets.UTF_8);
        LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(100).build();
        Pipeline pipeline = new Pipeline();
        Validation check = pipeline.validate("bench.yaml", yaml);
        if (check.hasErrors() || !check.diagnostics().isEmpty()) {
            throw new IllegalStateException("the benchmark description is not clean: " + check.diagnostics());
        }
        double load = median(() -> new Load(settings).loadFromString(text));
        double validate = median(() -> pipeline.validate("bench.yaml", yaml));
        double compile = median(() -> {
            Validation validation = pipeline.validate("bench.yaml", yaml);
            return pipeline.compile(validation, List.of(new PostfixEmitter()),
                    new EmitContext("bench.yaml", Path.of("."), Map.of(), validation.sourceMap()));
        });
        System.out.printf("| %d | %d | %d | %d | %.2f | %.2f | %.1f× | %.2f | %.1f× |%n", aliases, users, routes,
                yaml.length, load, validate, validate / load, compile, compile / load);
    }

    private static double median(Supplier<Object> work) {
        for (int i = 0; i < WARMUP; i++) {
            work.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }
}
