package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The accounting of one instance: every message it accepted with 250 is entered with where it must end up, and at
 * the end every mbox file of the spool directory and the capture sink are read once the queue is empty. Each message
 * must be found exactly once in each expected place and nowhere else; a bounce is recognised by the unique subject
 * of the message it reports. A message no entry explains is a failure too.
 */
final class Ledger {
    private static final long SETTLE_MILLIS = 30_000;
    private static final long QUIET_MILLIS = 1_500;
    private static final String SINK = "sink";

    /** A mailbox (by user) or the capture sink. */
    record Place(String name) {
        static Place mailbox(String user) {
            return new Place("mailbox " + user);
        }

        static Place sink() {
            return new Place(SINK);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private record Entry(SmtpSession.Sent sent, boolean bounce, Set<Place> places) {
    }

    private record Found(Place place, Optional<String> messageId, String text) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** The message itself, one copy in each place. */
    synchronized void delivered(SmtpSession.Sent sent, Place... places) {
        entries.add(new Entry(sent, false, Set.of(places)));
    }

    /** Not the message but one bounce about it, in {@code place}. */
    synchronized void bounced(SmtpSession.Sent sent, Place place) {
        entries.add(new Entry(sent, true, Set.of(place)));
    }

    /** Waits until the queue is empty and the books balance, then fails with every discrepancy found. */
    synchronized void assertBalanced(PostfixInstance instance, CaptureSink sink) {
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        List<String> problems = problems(instance, sink);
        while (!problems.isEmpty() && System.currentTimeMillis() < deadline) {
            Deliveries.pause();
            problems = problems(instance, sink);
        }
        // Once everything is there, give a late duplicate time to show up.
        long quiet = System.currentTimeMillis() + QUIET_MILLIS;
        while (System.currentTimeMillis() < quiet) {
            Deliveries.pause();
        }
        problems = problems(instance, sink);
        if (!problems.isEmpty()) {
            fail("the accounting of " + entries.size() + " accepted messages does not balance:\n  "
                    + String.join("\n  ", problems) + "\nmaillog:\n" + instance.maillog());
        }
    }

    private List<String> problems(PostfixInstance instance, CaptureSink sink) {
        List<String> problems = new ArrayList<>();
        int queued = instance.queued();
        if (queued > 0) {
            problems.add(queued + " message(s) still in the queue");
        }
        List<Found> found = snapshot(instance, sink);
        List<List<Found>> copies = new ArrayList<>();
        List<List<Found>> bounces = new ArrayList<>();
        entries.forEach(entry -> {
            copies.add(new ArrayList<>());
            bounces.add(new ArrayList<>());
        });
        for (Found message : found) {
            int index = indexOf(message);
            if (index < 0) {
                problems.add("unexplained message in " + message.place() + ": " + summary(message.text()));
            } else if (message.messageId().equals(Optional.of(entries.get(index).sent().messageId()))) {
                copies.get(index).add(message);
            } else {
                bounces.get(index).add(message);
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String name = "\"" + entry.sent().subject() + "\"";
            List<Found> expected = entry.bounce() ? bounces.get(i) : copies.get(i);
            List<Found> other = entry.bounce() ? copies.get(i) : bounces.get(i);
            for (Place place : entry.places()) {
                long here = expected.stream().filter(message -> message.place().equals(place)).count();
                if (here != 1) {
                    problems.add(name + ": " + here + (entry.bounce() ? " bounces" : " copies") + " in " + place
                            + ", expected 1");
                }
            }
            expected.stream().filter(message -> !entry.places().contains(message.place()))
                    .forEach(message -> problems.add(name + ": unexpected " + (entry.bounce() ? "bounce" : "copy")
                            + " in " + message.place()));
            other.forEach(message -> problems.add(name + ": unexpected " + (entry.bounce() ? "copy" : "bounce")
                    + " in " + message.place()));
        }
        return problems;
    }

    /** The entry a message is a copy of (same Message-ID) or a bounce about (quotes its subject); -1 if none. */
    private int indexOf(Found message) {
        for (int i = 0; i < entries.size(); i++) {
            if (message.messageId().equals(Optional.of(entries.get(i).sent().messageId()))) {
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

    private static List<Found> snapshot(PostfixInstance instance, CaptureSink sink) {
        List<Found> found = new ArrayList<>();
        try (Stream<Path> mailboxes = Files.list(instance.spool())) {
            for (Path mailbox : mailboxes.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().endsWith(".lock")).sorted().toList()) {
                Place place = Place.mailbox(mailbox.getFileName().toString());
                Mbox.read(mailbox).forEach(message -> found.add(new Found(place, message.messageId(),
                        message.text())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (CaptureSink.Captured captured : sink.messages()) {
            Mbox.Message message = Mbox.Message.of(captured);
            found.add(new Found(Place.sink(), message.messageId(), message.text()));
        }
        return found;
    }

    /** The header lines that tell messages apart, for failure messages. */
    private static String summary(String text) {
        return text.lines().takeWhile(line -> !line.isEmpty())
                .filter(line -> line.matches("(?i)(from|to|subject|message-id): .*"))
                .reduce((a, b) -> a + " | " + b).orElse(text.lines().findFirst().orElse(""));
    }
}
