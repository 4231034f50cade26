package io.mailform.runtime.scenario;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.mailform.delivery.Arrival;
import io.mailform.delivery.Outcome;
import io.mailform.model.IpAddress;
import io.mailform.runtime.server.MailServer;
import io.mailform.scenario.Case;
import io.mailform.scenario.ClientAddresses;
import io.mailform.scenario.Scenarios;

/**
 * Runs every case of a scenario on one started server, in order, then waits until every expected copy is there and
 * the server is idle, and files each copy found under its case. A case that repeats waits for each message to be
 * placed before sending the next (mailbox limits depend on it).
 */
final class ScenarioRunner {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofMillis(1500);
    /** How long an idle server with nothing new arriving is taken to have placed everything it will. */
    private static final Duration STILL = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ClientAddresses clients;
    private final String runId;
    private final Consumer<String> progress;
    private final TransactionRunner transactions = new TransactionRunner();

    ScenarioRunner(ClientAddresses clients, String runId, Consumer<String> progress) {
        this.clients = clients;
        this.runId = runId;
        this.progress = progress;
    }

    /** @param expectedCopies how many copies each case should leave, for knowing when to stop waiting */
    ServerRun run(MailServer server, Scenarios scenarios, Map<Integer, Integer> expectedCopies) {
        Map<Integer, List<Outcome>> outcomes = new LinkedHashMap<>();
        Map<Integer, String> errors = new LinkedHashMap<>();
        Map<String, Integer> caseByToken = new HashMap<>();
        List<Case> cases = scenarios.cases();
        for (int index = 0; index < cases.size(); index++) {
            Case item = cases.get(index);
            Optional<IpAddress> client = clients.of(item.send().client());
            if (client.isEmpty()) {
                errors.put(index, "no client address " + item.send().client().text() + " for this description");
                continue;
            }
            List<Outcome> results = new ArrayList<>();
            try {
                for (int repetition = 0; repetition < item.send().repeat(); repetition++) {
                    if (repetition > 0) {
                        awaitIdle(server);
                    }
                    String token = String.format("mf-%s-c%05d-r%03d", runId, index, repetition);
                    caseByToken.put(token, index);
                    TestMessage message = TestMessage.build(token, item.name(), item.send().from(),
                        item.send().size().orElse(0));
                    results.add(transactions.run(server, item.send(), client.get(), message));
                }
                outcomes.put(index, results);
            } catch (IOException | RuntimeException e) {
                errors.put(index, "the transaction failed: " + e.getMessage());
            }
            progress.accept(server.kind().key() + ": sent " + (index + 1) + "/" + cases.size() + " " + item.name());
        }
        int expected = expectedCopies.values().stream().mapToInt(Integer::intValue).sum();
        ArrivalCollector.Collected collected;
        try {
            collected = settle(server, new ArrivalCollector(caseByToken), expected);
        } catch (IOException e) {
            return new ServerRun(server.kind(), outcomes, errors, List.of(), Optional.of(
                "cannot read the mailboxes and sinks: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ServerRun.failed(server.kind(), "interrupted");
        }
        Map<Integer, List<Outcome>> placed = new LinkedHashMap<>();
        outcomes.forEach((index, results) -> placed.put(index, withArrivals(results,
            collected.byCase().getOrDefault(index, List.of()))));
        return new ServerRun(server.kind(), placed, errors, collected.unexplained(), Optional.empty());
    }

    /** The copies of all repetitions go with the last; the expectation counts them as a total. */
    private static List<Outcome> withArrivals(List<Outcome> results, List<Arrival> arrivals) {
        List<Outcome> placed = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            placed.add(results.get(i).withArrivals(i == results.size() - 1 ? arrivals : List.of()));
        }
        return placed;
    }

    /**
     * Waits until every expected copy is there and the server is idle, or until the server has been idle with nothing
     * new arriving for a while (a copy that never comes must not hold the run up for long), then lets a late or
     * duplicate copy show up.
     */
    private ArrivalCollector.Collected settle(MailServer server, ArrivalCollector collector, int expected)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        ArrivalCollector.Collected collected = collector.collect(server);
        long stillSince = System.nanoTime();
        int lastCount = collected.attributed() + collected.unexplained().size();
        while (System.nanoTime() < deadline) {
            boolean idle = server.idle();
            int count = collected.attributed() + collected.unexplained().size();
            if (!idle || count != lastCount) {
                stillSince = System.nanoTime();
                lastCount = count;
            }
            if (idle && (collected.attributed() >= expected || System.nanoTime() - stillSince > STILL.toNanos())) {
                break;
            }
            Thread.sleep(POLL.toMillis());
            collected = collector.collect(server);
        }
        Thread.sleep(QUIET.toMillis());
        return collector.collect(server);
    }

    private static void awaitIdle(MailServer server) throws IOException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        try {
            Thread.sleep(QUIET.toMillis() / 3);
            while (!server.idle() && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the server", e);
        }
    }
}
