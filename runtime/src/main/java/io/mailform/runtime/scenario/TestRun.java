package io.mailform.runtime.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.mailform.model.MailSystem;
import io.mailform.oracle.Oracle;
import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.ServerKind;
import io.mailform.scenario.Case;
import io.mailform.scenario.CasePrediction;
import io.mailform.scenario.ClientAddresses;
import io.mailform.scenario.Expectations;
import io.mailform.scenario.ScenarioOracle;
import io.mailform.scenario.Scenarios;

/**
 * One {@code mailform test} run of one scenario: the oracle's predictions, then each server started from the compiled
 * directory, every case run on it and the server stopped, then every case judged.
 */
public final class TestRun {
    private final MailSystem system;
    private final Oracle oracle;
    private final Servers servers;
    private final Consumer<String> progress;

    /** A run on sandboxed servers started from the compiled directory; {@code progress} gets a line per step. */
    public TestRun(MailSystem system, Consumer<String> progress) {
        this(system, Servers.sandboxed(), progress);
    }

    TestRun(MailSystem system, Servers servers, Consumer<String> progress) {
        this.system = system;
        this.oracle = new Oracle(system);
        this.servers = servers;
        this.progress = progress;
    }

    /**
     * @param compiled the directory {@code mailform compile -o DIR} wrote for the description, every target
     * @param runId a word that makes this run's messages unique
     */
    public TestReport run(String description, String source, Scenarios scenarios, Path compiled,
            List<ServerKind> kinds, String runId) {
        Plan plan = plan(scenarios);
        Map<ServerKind, ServerRun> runs = new LinkedHashMap<>();
        for (ServerKind kind : kinds) {
            progress.accept(kind.key() + ": starting");
            try (MailServer server = servers.start(kind, compiled)) {
                progress.accept(kind.key() + ": ready on SMTP port " + server.smtpPort());
                runs.put(kind, runner(runId).run(server, scenarios, plan.expectedCopies()));
            } catch (StartupException e) {
                runs.put(kind, ServerRun.failed(kind, e.getMessage()));
            }
        }
        return report(description, source, scenarios, plan, runs);
    }

    /**
     * Runs every case on a server started by the caller and judges them as {@link #run} does; the server keeps
     * running, so that a test can look further at what it received. The ledger counts everything the server holds,
     * so it must hold no mail yet.
     */
    public TestReport runOn(MailServer server, String description, String source, Scenarios scenarios,
            String runId) {
        Plan plan = plan(scenarios);
        ServerRun run = runner(runId).run(server, scenarios, plan.expectedCopies());
        return report(description, source, scenarios, plan, Map.of(server.kind(), run));
    }

    /** The oracle's prediction of each case, and how many copies each should leave (to know when to stop waiting). */
    private record Plan(List<CasePrediction> predictions, Map<Integer, Integer> expectedCopies) {
    }

    private Plan plan(Scenarios scenarios) {
        Expectations expectations = new Expectations(oracle);
        ScenarioOracle predictor = new ScenarioOracle(system, oracle);
        List<CasePrediction> predictions = new ArrayList<>();
        Map<Integer, Integer> expectedCopies = new LinkedHashMap<>();
        for (int index = 0; index < scenarios.cases().size(); index++) {
            Case item = scenarios.cases().get(index);
            predictions.add(predictor.predict(item));
            expectedCopies.put(index, expectations.arrivals(item).size());
        }
        return new Plan(predictions, expectedCopies);
    }

    private ScenarioRunner runner(String runId) {
        return new ScenarioRunner(new ClientAddresses(system, oracle), runId, progress);
    }

    private TestReport report(String description, String source, Scenarios scenarios, Plan plan,
            Map<ServerKind, ServerRun> runs) {
        Map<ServerKind, List<String>> unexplained = new LinkedHashMap<>();
        Map<ServerKind, String> failures = new LinkedHashMap<>();
        runs.forEach((kind, run) -> {
            unexplained.put(kind, run.unexplained());
            run.failure().ifPresent(failure -> failures.put(kind, failure));
        });
        List<CaseReport> cases = new Judge(new Expectations(oracle), KnownDifferences.ALL).judge(scenarios,
            plan.predictions(), runs);
        return new TestReport(description, source, List.copyOf(runs.keySet()), cases, unexplained, failures);
    }
}
