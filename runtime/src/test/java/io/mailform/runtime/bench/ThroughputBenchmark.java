package io.mailform.runtime.bench;

import io.mailform.bench.TableRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailform.runtime.postfix.PostfixOptions;
import io.mailform.runtime.postfix.PostfixRuntime;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.MailSystemRuntime;
import io.mailform.runtime.server.RuntimeOptions;

/**
 * Section 40 of {@code ci/benchmark}: Postfix's load generator {@code smtp-source} sends the same messages over 10
 * parallel sessions to the runtime (James) and to a private Postfix, both started from the compiled internet-site
 * example; each is timed from the first connection until the last message is in the mailbox (smtp-source has ended and
 * the server is idle: nothing queued or being delivered). A ledger then reads the mailbox back (James over IMAP,
 * Postfix from its mbox file) and finds every message by the Message-Id smtp-source gave it: each must be there exactly
 * once. Rounds alternate between the servers. Needs root (the private Postfix).
 */
public final class ThroughputBenchmark {
    private static final String SMTP_SOURCE = "/usr/sbin/smtp-source";
    private static final int SESSIONS = 10;
    private static final String RECIPIENT = "alice@example.org";
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-Id:\\s*<([0-9a-f]+)\\.([^>]*)>");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("BENCH_ROOT", ".")).toAbsolutePath();
        boolean quick = "1".equals(System.getenv("BENCH_QUICK"));
        if (!"root".equals(System.getProperty("user.name"))) {
            System.err.println("throughput: the private Postfix needs root; run `sudo ci/benchmark throughput`");
            System.exit(2);
        }
        if (!Files.isExecutable(Path.of(SMTP_SOURCE))) {
            System.err.println("throughput: " + SMTP_SOURCE + " is missing; apt-get install postfix");
            System.exit(2);
        }
        int messages = quick ? 300 : 2000;
        int rounds = quick ? 1 : 3;
        Path work = Files.createTempDirectory("mailform-bench-throughput-");
        try {
            Path compiled = work.resolve("internet-site");
            Process compile = new ProcessBuilder(root.resolve("ci/mailform").toString(), "compile",
                root.resolve("examples/internet-site.yaml").toString(), "-o", compiled.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("compile.log").toFile()).start();
            if (compile.waitFor() != 0) {
                throw new IllegalStateException(Files.readString(work.resolve("compile.log")));
            }
            List<Round> james = new ArrayList<>();
            List<Round> postfix = new ArrayList<>();
            try (MailServer runtime = MailSystemRuntime.start(new RuntimeOptions(compiled, OptionalInt.empty(),
                    OptionalInt.empty(), true));
                    MailServer real = PostfixRuntime.start(new PostfixOptions(compiled, OptionalInt.empty(),
                        System.err))) {
                // One unmeasured round each: the JIT compiles the runtime's SMTP and mailet code first.
                round(runtime, Math.min(messages, 300), work);
                round(real, Math.min(messages, 300), work);
                for (int i = 0; i < rounds; i++) {
                    james.add(round(runtime, messages, work));
                    postfix.add(round(real, messages, work));
                }
            }
            double jamesRate = Medians.median(james.stream().map(Round::perSecond).toList());
            double postfixRate = Medians.median(postfix.stream().map(Round::perSecond).toList());
            String measurement = String.format(Locale.ROOT, "`smtp-source -s %d -m %d -l 2000` to %s, first connection "
                + "to the last message in the mailbox, median of %d rounds", SESSIONS, messages, RECIPIENT, rounds);
            System.out.println(TableRow.atLeast("4 throughput", measurement,
                String.format(Locale.ROOT, "runtime %.0f msg/s (ledger: %s)", jamesRate, ledger(james)),
                String.format(Locale.ROOT, "private Postfix %.0f msg/s (ledger: %s)", postfixRate, ledger(postfix)),
                jamesRate / postfixRate, 1.0).markdown());
            details(james, postfix);
            boolean complete = james.stream().allMatch(Round::complete) && postfix.stream().allMatch(Round::complete);
            System.exit(complete ? 0 : 1);
        } finally {
            RuntimeStartBenchmark.delete(work);
        }
    }

    /** @param acceptedMillis until smtp-source had its last 250 and ended; {@code millis} until delivered */
    record Round(int sent, int foundOnce, int duplicated, int missing, double millis, double acceptedMillis) {
        double perSecond() {
            return sent * 1000.0 / millis;
        }

        boolean complete() {
            return foundOnce == sent && duplicated == 0 && missing == 0;
        }

        String ledger() {
            return sent + " sent, " + foundOnce + " found once"
                + (duplicated > 0 ? ", " + duplicated + " more than once" : "")
                + (missing > 0 ? ", " + missing + " missing" : "");
        }
    }

    /** Every measured round together: {@code 6000 sent, 6000 found once}. */
    private static String ledger(List<Round> rounds) {
        Round sum = rounds.stream().reduce(new Round(0, 0, 0, 0, 0, 0), (a, b) -> new Round(a.sent() + b.sent(),
            a.foundOnce() + b.foundOnce(), a.duplicated() + b.duplicated(), a.missing() + b.missing(), 0, 0));
        return sum.ledger();
    }

    private static Round round(MailServer server, int messages, Path work) throws Exception {
        Path log = work.resolve("smtp-source.log");
        long start = System.nanoTime();
        Process source = new ProcessBuilder(SMTP_SOURCE, "-s", Integer.toString(SESSIONS), "-m",
            Integer.toString(messages), "-l", "2000", "-f", "sender@remote.example", "-t", RECIPIENT,
            "-M", "client.example", server.host() + ":" + server.smtpPort())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!source.waitFor(600, TimeUnit.SECONDS) || source.exitValue() != 0) {
            source.destroyForcibly();
            throw new IllegalStateException("smtp-source failed against " + server.kind() + ": "
                + Files.readString(log));
        }
        double acceptedMillis = (System.nanoTime() - start) / 1e6;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (!server.idle()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(server.kind() + " did not deliver within 600 s");
            }
            Thread.sleep(2);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        return ledger(server, messages, Long.toHexString(source.pid()), millis, acceptedMillis);
    }

    /** The messages of one smtp-source run, by their Message-Id, which starts with that process's id in hex. */
    private static Round ledger(MailServer server, int sent, String pid, double millis, double acceptedMillis)
            throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        for (byte[] message : server.mailbox("alice")) {
            String text = new String(message, 0, Math.min(message.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher id = MESSAGE_ID.matcher(text);
            if (id.find() && Long.parseLong(id.group(1), 16) == Long.parseLong(pid, 16)) {
                seen.merge(id.group(2), 1, Integer::sum);
            }
        }
        int once = (int) seen.values().stream().filter(count -> count == 1).count();
        int more = (int) seen.values().stream().filter(count -> count > 1).count();
        return new Round(sent, once, more, Math.max(0, sent - seen.size()), millis, acceptedMillis);
    }

    private static void details(List<Round> james, List<Round> postfix) throws IOException {
        String file = System.getenv("BENCH_DETAILS");
        if (file == null) {
            return;
        }
        StringBuilder text = new StringBuilder("Throughput, every round (10 sessions, to one mailbox):\n\n"
            + "| round | runtime | private Postfix |\n|---|---|---|\n");
        for (int i = 0; i < james.size(); i++) {
            Round j = james.get(i);
            Round p = postfix.get(i);
            text.append(String.format(Locale.ROOT, "| %d | %.0f msg/s: accepted in %.2f s, delivered in %.2f s (%s) | %.0f msg/s: accepted in %.2f s, "
                + "delivered in %.2f s (%s) |%n", i + 1, j.perSecond(), j.acceptedMillis() / 1000, j.millis() / 1000,
                j.ledger(), p.perSecond(), p.acceptedMillis() / 1000, p.millis() / 1000, p.ledger()));
        }
        text.append('\n');
        Files.writeString(Path.of(file), text, StandardOpenOption.APPEND, StandardOpenOption.CREATE);
    }
}
