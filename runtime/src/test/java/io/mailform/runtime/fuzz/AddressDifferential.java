package io.mailform.runtime.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import io.mailform.delivery.Arrival;
import io.mailform.delivery.Outcome;
import io.mailform.model.IpAddress;
import io.mailform.model.MailSystem;
import io.mailform.oracle.Oracle;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import io.mailform.runtime.compile.DescriptionCompiler;
import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.scenario.ArrivalCollector;
import io.mailform.runtime.scenario.TestMessage;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.ServerKind;
import io.mailform.runtime.server.TemporaryDirectories;
import io.mailform.runtime.server.TestServers;

/**
 * James and a private Postfix started once from one description, and every probe run on both at once: the replies,
 * then, where a message was accepted, the wait until both servers are idle and nothing more arrives, then the copies
 * of this probe's message (found by its Message-ID, bounces by its token) and the comparison. Deliveries of earlier
 * probes that arrive only now are reported, never attributed to this one.
 */
final class AddressDifferential implements AutoCloseable {
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(5);
    /** How long nothing must change after both servers are idle: James hands a message between queues unseen. */
    private static final Duration QUIET = Duration.ofMillis(30);
    /** How long a fate that differs is waited for again before it counts: a slow delivery must not be a finding. */
    private static final Duration CONFIRM = Duration.ofMillis(500);

    private final MailSystem system;
    private final Path compiled;
    private final Map<ServerKind, MailServer> servers = new EnumMap<>(ServerKind.class);
    private final Map<ServerKind, ArrivalFeed> feeds = new EnumMap<>(ServerKind.class);
    private final ExecutorService both = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "address-differential");
        thread.setDaemon(true);
        return thread;
    });
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private long probes;
    private final Map<String, Long> nanos = new java.util.TreeMap<>();
    /** How many messages each server kept in its queue, from earlier probes, when last asked. */
    private final Map<ServerKind, Long> held = new EnumMap<>(Map.of(ServerKind.JAMES, 0L, ServerKind.POSTFIX, 0L));

    private final ProbeJudge judge;

    private AddressDifferential(MailSystem system, Path compiled) {
        this.system = system;
        this.compiled = compiled;
        this.judge = new ProbeJudge(new AddressClass(AddressVocabulary.of(system)));
    }

    /**
     * Compiles {@code description}, lets {@code plant} change the compiled directory (to show that a difference is
     * found), and starts both servers from it.
     */
    static AddressDifferential start(Path description, UnaryOperator<Path> plant) throws Exception {
        Validation validation = new Pipeline().validate(description.toString(), Files.readAllBytes(description));
        MailSystem system = validation.mailSystem().orElseThrow(() -> new IllegalArgumentException(description
            + " is not valid: " + validation.diagnostics()));
        requireClients(system, description);
        Path compiled = TemporaryDirectories.register(DescriptionCompiler.compileForPostfix(description,
            System.getenv(), System.err));
        AddressDifferential differential = new AddressDifferential(system, compiled);
        try {
            plant.apply(compiled);
            Map<ServerKind, Future<MailServer>> starting = new EnumMap<>(ServerKind.class);
            for (ServerKind kind : ServerKind.values()) {
                starting.put(kind, differential.both.submit(() -> TestServers.start(kind, compiled)));
            }
            StartupException failed = null;
            for (ServerKind kind : ServerKind.values()) {
                try {
                    differential.servers.put(kind, starting.get(kind).get());
                } catch (ExecutionException e) {
                    failed = e.getCause() instanceof StartupException startup ? startup
                        : new StartupException(kind.key() + " did not start: " + e.getCause());
                }
            }
            if (failed != null) {
                throw failed;
            }
            for (ServerKind kind : ServerKind.values()) {
                differential.feeds.put(kind, new ArrivalFeed(differential.servers.get(kind)));
            }
            return differential;
        } catch (Exception | Error e) {
            differential.close();
            throw e;
        }
    }

    /** The probes speak from 127.0.0.1 and 127.0.0.2 and by XCLIENT: the description must put each on its side. */
    private static void requireClients(MailSystem system, Path description) {
        Oracle oracle = new Oracle(system);
        for (ClientSide client : ClientSide.values()) {
            IpAddress address = IpAddress.parse(client.clientAddress()).orElseThrow();
            if (oracle.isInsideNetworks(address) != client.inside()) {
                throw new IllegalArgumentException(description + ": the networks must hold 127.0.0.1 and 10.20.0.9 "
                    + "and neither 127.0.0.2 nor 203.0.113.77, for probes from inside and outside them; "
                    + client.clientAddress() + " is " + (client.inside() ? "outside" : "inside"));
            }
        }
    }

    /** Where the time went: the transactions, waiting for the fate, and within it asking each server. */
    String timing() {
        return nanos.entrySet().stream()
            .map(entry -> String.format("%s %.1f s", entry.getKey(), entry.getValue() / 1e9))
            .collect(java.util.stream.Collectors.joining(", "));
    }

    MailSystem system() {
        return system;
    }

    MailServer server(ServerKind kind) {
        return servers.get(kind);
    }

    /** Runs the probe on both servers at once, waits for the fate of what they accepted, and compares. */
    ProbeResult judge(Probe probe) throws IOException, InterruptedException {
        String token = String.format("af-%s-%08d", run, ++probes);
        TestMessage message = TestMessage.build(token, "address probe", "fuzz@" + TestMessage.DOMAIN, 0);
        long t0 = System.nanoTime();
        Map<ServerKind, Outcome> outcomes = onBoth(kind -> ProbeSession.run(servers.get(kind), probe, message));
        nanos.merge("transactions", System.nanoTime() - t0, Long::sum);
        boolean accepted = outcomes.values().stream().anyMatch(Outcome::accepted);
        List<String> late = new ArrayList<>();
        Map<ServerKind, List<Arrival>> arrivals = new EnumMap<>(ServerKind.class);
        Map<ServerKind, Long> heldBefore = new EnumMap<>(held);
        for (ServerKind kind : ServerKind.values()) {
            arrivals.put(kind, new ArrayList<>());
        }
        if (accepted) {
            long t1 = System.nanoTime();
            settle(token, arrivals, late, SETTLE);
            nanos.merge("waiting for the fate", System.nanoTime() - t1, Long::sum);
        }
        ProbeResult result = result(probe, outcomes, arrivals, heldBefore, late);
        if (result.divergences().stream().anyMatch(divergence -> divergence.stage().equals("fate"))) {
            // A copy that is only slow must not make a finding: look again after a while.
            Thread.sleep(CONFIRM.toMillis());
            settle(token, arrivals, late, CONFIRM);
            result = result(probe, outcomes, arrivals, heldBefore, late);
        }
        return result;
    }

    private ProbeResult result(Probe probe, Map<ServerKind, Outcome> outcomes,
            Map<ServerKind, List<Arrival>> arrivals, Map<ServerKind, Long> heldBefore, List<String> late) {
        Outcome james = outcomes.get(ServerKind.JAMES).withArrivals(arrivals.get(ServerKind.JAMES));
        Outcome postfix = outcomes.get(ServerKind.POSTFIX).withArrivals(arrivals.get(ServerKind.POSTFIX));
        long jamesHeld = Math.max(0, held.get(ServerKind.JAMES) - heldBefore.get(ServerKind.JAMES));
        long postfixHeld = Math.max(0, held.get(ServerKind.POSTFIX) - heldBefore.get(ServerKind.POSTFIX));
        return new ProbeResult(probe, james, postfix, judge.compare(probe, james, postfix, jamesHeld, postfixHeld),
            late);
    }

    /**
     * Waits until both servers hold no more mail than earlier probes left stuck in their queues, and stay so with
     * nothing new arriving for {@link #QUIET}, taking every delivery on the way: this probe's copies and bounces into
     * {@code arrivals}, anything else into {@code late}. Mail still queued when the limit passes is taken as held (a
     * deferred delivery, or one the server will never make), so that it does not hold up the probes after this one.
     */
    private void settle(String token, Map<ServerKind, List<Arrival>> arrivals, List<String> late, Duration limit)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long quietSince = -1;
        Map<ServerKind, Long> pending = new EnumMap<>(ServerKind.class);
        while (System.nanoTime() < deadline) {
            boolean idle = true;
            boolean news = false;
            for (ServerKind kind : ServerKind.values()) {
                long t = System.nanoTime();
                pending.put(kind, servers.get(kind).pending());
                // A held message that is delivered after all no longer counts as held.
                held.merge(kind, pending.get(kind), Math::min);
                idle &= pending.get(kind) <= held.get(kind);
                nanos.merge("asking " + kind.key() + " if idle", System.nanoTime() - t, Long::sum);
            }
            if (idle) {
                for (ServerKind kind : ServerKind.values()) {
                    long t = System.nanoTime();
                    news |= take(kind, token, arrivals.get(kind), late);
                    nanos.merge("reading " + kind.key() + "'s arrivals", System.nanoTime() - t, Long::sum);
                }
            }
            if (!idle || news) {
                quietSince = -1;
            } else if (quietSince < 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        for (ServerKind kind : ServerKind.values()) {
            if (pending.getOrDefault(kind, 0L) > held.get(kind)) {
                late.add(kind.key() + " still holds " + (pending.get(kind) - held.get(kind)) + " message(s) "
                    + limit.toSeconds() + " s after the probe; taken as held in its queue");
                held.put(kind, pending.get(kind));
            }
        }
    }

    private boolean take(ServerKind kind, String token, List<Arrival> arrivals, List<String> late)
            throws IOException {
        List<ArrivalFeed.Delivery> deliveries = feeds.get(kind).poll();
        for (ArrivalFeed.Delivery delivery : deliveries) {
            Optional<String> id = ArrivalCollector.messageId(delivery.text());
            boolean copy = id.filter(found -> found.equals("<" + token + "@" + TestMessage.DOMAIN + ">")).isPresent();
            if (copy || delivery.text().contains(token)) {
                Arrival.Kind what = copy ? Arrival.Kind.MESSAGE : Arrival.Kind.BOUNCE;
                arrivals.add(delivery.sink()
                    ? Arrival.inSink(what, delivery.place(), delivery.recipient(), delivery.login(), delivery.tls())
                    : Arrival.inMailbox(what, delivery.place()));
            } else {
                late.add(kind.key() + ": " + (delivery.sink() ? "sink " : "mailbox ") + delivery.place() + " for "
                    + delivery.recipient() + ": " + id.orElse("a message without Message-ID") + ", "
                    + firstLine(delivery.text(), "Subject:"));
            }
        }
        return !deliveries.isEmpty();
    }

    private static String firstLine(String text, String prefix) {
        return text.lines().filter(line -> line.regionMatches(true, 0, prefix, 0, prefix.length())).findFirst()
            .orElse("no " + prefix);
    }

    private interface OnServer<T> {
        T run(ServerKind kind) throws Exception;
    }

    private <T> Map<ServerKind, T> onBoth(OnServer<T> task) throws IOException, InterruptedException {
        Map<ServerKind, Future<T>> futures = new EnumMap<>(ServerKind.class);
        for (ServerKind kind : ServerKind.values()) {
            futures.put(kind, both.submit(() -> task.run(kind)));
        }
        Map<ServerKind, T> results = new EnumMap<>(ServerKind.class);
        for (ServerKind kind : ServerKind.values()) {
            try {
                results.put(kind, futures.get(kind).get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
        return results;
    }

    @Override
    public void close() {
        both.shutdownNow();
        servers.values().forEach(MailServer::close);
        TemporaryDirectories.delete(compiled);
    }
}
