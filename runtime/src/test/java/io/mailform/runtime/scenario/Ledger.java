package io.mailform.runtime.scenario;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.MailServer;

/**
 * The accounting of a test class, on either server: every message the server accepted with 250 is entered with where
 * it must end up, and at the end, once the server is idle, every mailbox and every capture sink is read. Each message
 * must be found exactly once in each expected place and nowhere else; a bounce is recognised by the unique subject of
 * the message it reports. A message no entry explains is a failure too.
 */
public final class Ledger {
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofMillis(1500);

    /** A mailbox (by account) or a capture sink (by name). */
    public record Place(String kind, String name) {
        public static Place mailbox(String account) {
            return new Place("mailbox", account);
        }

        public static Place sink(String name) {
            return new Place("sink", name);
        }

        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    private record Entry(Sent sent, boolean bounce, Set<Place> places) {
    }

    private record Found(Place place, RawMessage message) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** The message itself, one copy in each place. */
    public synchronized void delivered(Sent sent, Place... places) {
        entries.add(new Entry(sent, false, Set.of(places)));
    }

    /** Not the message but one bounce about it, in {@code place}. */
    public synchronized void bounced(Sent sent, Place place) {
        entries.add(new Entry(sent, true, Set.of(place)));
    }

    /** Waits until the server is idle and the books balance, then fails with every discrepancy found. */
    public synchronized void assertBalanced(MailServer server) throws IOException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<String> problems = problems(server);
        while (!problems.isEmpty() && System.nanoTime() < deadline) {
            Deliveries.pause();
            problems = problems(server);
        }
        // Once everything is there, give a late duplicate time to show up.
        long quiet = System.nanoTime() + QUIET.toNanos();
        while (System.nanoTime() < quiet) {
            Deliveries.pause();
        }
        problems = problems(server);
        if (!problems.isEmpty()) {
            fail("the accounting of " + entries.size() + " accepted messages on " + server.kind().key()
                + " does not balance:\n  " + String.join("\n  ", problems));
        }
    }

    private List<String> problems(MailServer server) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!server.idle()) {
            problems.add("the server is not idle: mail is still queued or being delivered");
        }
        List<Found> found = snapshot(server);
        List<List<Found>> copies = new ArrayList<>();
        List<List<Found>> bounces = new ArrayList<>();
        entries.forEach(entry -> {
            copies.add(new ArrayList<>());
            bounces.add(new ArrayList<>());
        });
        for (Found item : found) {
            int index = indexOf(item.message());
            if (index < 0) {
                problems.add("unexplained message in " + item.place() + ": " + item.message().summary());
            } else if (item.message().isCopyOf(entries.get(index).sent())) {
                copies.get(index).add(item);
            } else {
                bounces.get(index).add(item);
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String name = "\"" + entry.sent().subject() + "\"";
            List<Found> expected = entry.bounce() ? bounces.get(i) : copies.get(i);
            List<Found> other = entry.bounce() ? copies.get(i) : bounces.get(i);
            for (Place place : entry.places()) {
                long here = expected.stream().filter(item -> item.place().equals(place)).count();
                if (here != 1) {
                    problems.add(name + ": " + here + (entry.bounce() ? " bounces" : " copies") + " in " + place
                        + ", expected 1");
                }
            }
            expected.stream().filter(item -> !entry.places().contains(item.place()))
                .forEach(item -> problems.add(name + ": unexpected " + (entry.bounce() ? "bounce" : "copy")
                    + " in " + item.place()));
            other.forEach(item -> problems.add(name + ": unexpected " + (entry.bounce() ? "copy" : "bounce")
                + " in " + item.place()));
        }
        return problems;
    }

    /** The entry a message is a copy of (same Message-ID) or a bounce about (quotes its subject); -1 if none. */
    private int indexOf(RawMessage message) {
        for (int i = 0; i < entries.size(); i++) {
            if (message.isCopyOf(entries.get(i).sent())) {
                return i;
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            if (message.text().contains(entries.get(i).sent().subject())) {
                return i;
            }
        }
        return -1;
    }

    private static List<Found> snapshot(MailServer server) throws IOException {
        List<Found> found = new ArrayList<>();
        for (String account : server.accountsWithMail()) {
            for (byte[] message : server.mailbox(account)) {
                found.add(new Found(Place.mailbox(account), RawMessage.of(message)));
            }
        }
        for (CaptureSink sink : server.sinks()) {
            for (CapturedMessage captured : sink.messages()) {
                found.add(new Found(Place.sink(sink.name()), RawMessage.of(captured.data())));
            }
        }
        return found;
    }
}
