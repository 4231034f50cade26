package io.mailform.runtime.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.RunningMailSystem;

/**
 * The accounting of a test class: every message the server accepted with 250 is entered with where it must end up,
 * and at the end every mailbox (over IMAP) and every capture sink is read. Each message must be found exactly where
 * expected, once per place, and nowhere else; a bounce is found by the unique subject of the message it reports.
 * Anything found that no entry explains is a failure too: nothing lost, nothing duplicated, nothing unexplained.
 */
final class Ledger {
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]*>)");

    /** A mailbox (by account) or a capture sink (by name). */
    record Place(String kind, String name) {
        static Place mailbox(String account) {
            return new Place("mailbox", account);
        }

        static Place sink(String name) {
            return new Place("sink", name);
        }

        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    /** A message as accepted, and the places it must reach: as itself, or as a bounce reporting it. */
    private record Entry(MailClient.Sent sent, boolean bounce, Set<Place> places) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** The message itself, one copy in each place. */
    synchronized void delivered(MailClient.Sent sent, Place... places) {
        entries.add(new Entry(sent, false, Set.of(places)));
    }

    /** Not the message but one bounce about it, in {@code place}. */
    synchronized void bounced(MailClient.Sent sent, Place place) {
        entries.add(new Entry(sent, true, Set.of(place)));
    }

    /** Waits for delivery to settle, then fails with every discrepancy found. */
    synchronized void assertBalanced(RunningMailSystem system) throws Exception {
        MailClient client = new MailClient(system);
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<String> problems = problems(snapshot(system, client));
        while (!problems.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            problems = problems(snapshot(system, client));
        }
        // Once everything is there, give a late duplicate time to show up.
        Thread.sleep(QUIET.toMillis());
        problems = problems(snapshot(system, client));
        if (!problems.isEmpty()) {
            fail("the accounting of " + entries.size() + " accepted messages does not balance:\n  "
                + String.join("\n  ", problems));
        }
    }

    /** One message found somewhere: its Message-ID and its text. */
    private record Found(Place place, String messageId, String text) {
    }

    private static List<Found> snapshot(RunningMailSystem system, MailClient client) throws Exception {
        List<Found> found = new ArrayList<>();
        for (String account : system.accounts()) {
            for (MailClient.Stored stored : client.mailbox(account, system.password(account))) {
                found.add(new Found(Place.mailbox(account), stored.messageId(), stored.text()));
            }
        }
        for (CaptureSink sink : system.sinks()) {
            for (CapturedMessage captured : sink.messages()) {
                found.add(new Found(Place.sink(sink.name()), messageId(captured.text()).orElse(""), captured.text()));
            }
        }
        return found;
    }

    private static Optional<String> messageId(String text) {
        int end = text.indexOf("\r\n\r\n");
        Matcher matcher = MESSAGE_ID.matcher(end < 0 ? text : text.substring(0, end));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private List<String> problems(List<Found> found) {
        Map<Entry, List<Found>> copies = new LinkedHashMap<>();
        Map<Entry, List<Found>> bounces = new LinkedHashMap<>();
        entries.forEach(entry -> {
            copies.put(entry, new ArrayList<>());
            bounces.put(entry, new ArrayList<>());
        });
        List<String> problems = new ArrayList<>();
        for (Found message : found) {
            Optional<Entry> copyOf = entries.stream()
                .filter(entry -> entry.sent().messageId().equals(message.messageId())).findFirst();
            if (copyOf.isPresent()) {
                copies.get(copyOf.get()).add(message);
                continue;
            }
            Optional<Entry> bounceOf = entries.stream()
                .filter(entry -> message.text().contains(entry.sent().subject())).findFirst();
            if (bounceOf.isPresent()) {
                bounces.get(bounceOf.get()).add(message);
            } else {
                problems.add("unexplained message in " + message.place() + ": " + firstLines(message.text()));
            }
        }
        for (Entry entry : entries) {
            String name = "\"" + entry.sent().subject() + "\"";
            List<Found> expectedKind = entry.bounce() ? bounces.get(entry) : copies.get(entry);
            List<Found> otherKind = entry.bounce() ? copies.get(entry) : bounces.get(entry);
            for (Place place : entry.places()) {
                List<Found> here = expectedKind.stream().filter(message -> message.place().equals(place)).toList();
                if (here.size() != 1) {
                    problems.add(name + ": " + here.size() + (entry.bounce() ? " bounces" : " copies") + " in "
                        + place + ", expected 1" + here.stream().map(message -> "\n    " + firstLines(message.text()))
                            .reduce("", String::concat));
                }
            }
            expectedKind.stream().filter(message -> !entry.places().contains(message.place()))
                .forEach(message -> problems.add(name + ": unexpected " + (entry.bounce() ? "bounce" : "copy")
                    + " in " + message.place()));
            otherKind.forEach(message -> problems.add(name + ": unexpected " + (entry.bounce() ? "copy" : "bounce")
                + " in " + message.place()));
        }
        return problems;
    }

    /** The header lines that tell messages apart, for failure messages. */
    private static String firstLines(String text) {
        return text.lines().takeWhile(line -> !line.isEmpty())
            .filter(line -> line.matches("(?i)(from|to|subject|message-id|date): .*"))
            .reduce((a, b) -> a + " | " + b).orElse(text.lines().findFirst().orElse(""));
    }
}
