package io.mailform.scenario;

import io.mailform.delivery.Arrival;
import io.mailform.delivery.Outcome;
import io.mailform.delivery.Place;
import io.mailform.delivery.Reply;
import io.mailform.delivery.ReplyPattern;
import io.mailform.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges what happened to a case against what it expects: every reply by code and enhanced status, and the copies as
 * a whole (each expected copy found once, nothing else). The oracle names the sink behind {@code via} and the place
 * a bounce to an address goes, so that a scenario says "smarthost" and "bounced to the sender" in the terms of the
 * description.
 */
public final class Expectations {
    private final Oracle oracle;

    public Expectations(Oracle oracle) {
        this.oracle = oracle;
    }

    /** The copies a case expects, as totals over its repetitions. */
    public List<ExpectedArrival> arrivals(Case item) {
        Expectation expect = item.expect();
        List<ExpectedArrival> expected = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : expect.delivered().entrySet()) {
            for (int i = 0; i < entry.getValue(); i++) {
                expected.add(new ExpectedArrival(Arrival.Kind.MESSAGE, new Place.Mailbox(entry.getKey()),
                        entry.getKey(), Optional.empty(), Optional.empty()));
            }
        }
        for (RelayedCopies copies : expect.relayed()) {
            String sink = oracle.sinkFor(copies.via()).orElseThrow(
                    () -> new IllegalArgumentException("no next hop " + copies.via()));
            for (String recipient : copies.to()) {
                expected.add(new ExpectedArrival(Arrival.Kind.MESSAGE, new Place.Sink(sink), recipient,
                        copies.login(), copies.tls()));
            }
        }
        for (String sender : expect.bounced()) {
            for (Arrival place : oracle.placesOf(sender)) {
                expected.add(new ExpectedArrival(Arrival.Kind.BOUNCE, place.place(), place.recipient(),
                        Optional.empty(), Optional.empty()));
            }
        }
        return expected;
    }

    /** Every way the outcomes (one per repetition) differ from the case; empty when the case holds. */
    public List<String> mismatches(Case item, List<Outcome> outcomes) {
        List<String> mismatches = new ArrayList<>();
        List<Arrival> arrived = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            String prefix = outcomes.size() > 1 ? "message " + (i + 1) + ": " : "";
            replies(item, outcomes.get(i), prefix, mismatches);
            arrived.addAll(outcomes.get(i).arrivals());
        }
        mismatches.addAll(compare(arrivals(item), arrived));
        return mismatches;
    }

    /** Missing and unexpected copies, each named once. */
    public static List<String> compare(List<ExpectedArrival> expected, List<Arrival> arrived) {
        List<Arrival> unmatched = new ArrayList<>(arrived);
        List<String> mismatches = new ArrayList<>();
        for (ExpectedArrival slot : expected) {
            Optional<Arrival> match = unmatched.stream().filter(slot::matches).findFirst();
            if (match.isPresent()) {
                unmatched.remove(match.get());
            } else {
                mismatches.add("missing: " + slot.text());
            }
        }
        unmatched.stream().sorted(Arrival.ORDER).forEach(extra -> mismatches.add("unexpected: " + extra.text()));
        return mismatches;
    }

    private static void replies(Case item, Outcome outcome, String prefix, List<String> mismatches) {
        Expectation expect = item.expect();
        ReplyPattern mail = expect.mail().orElse(ReplyPattern.success());
        check(prefix + "MAIL", mail, Optional.of(outcome.mail()), mismatches);
        if (!outcome.mail().isPositive() || !mail.isPositive()) {
            return;
        }
        boolean anyAccepted = false;
        List<String> to = item.send().to();
        for (int j = 0; j < to.size(); j++) {
            ReplyPattern pattern = expect.rcptFor(to.get(j));
            anyAccepted |= pattern.isPositive();
            Optional<Reply> reply = j < outcome.rcpt().size() ? Optional.of(outcome.rcpt().get(j)) : Optional.empty();
            check(prefix + "RCPT " + to.get(j), pattern, reply, mismatches);
        }
        if (anyAccepted) {
            check(prefix + "DATA", expect.data().orElse(ReplyPattern.success()), outcome.data(), mismatches);
        } else if (outcome.data().isPresent()) {
            mismatches.add(prefix + "DATA: expected no transaction, got " + outcome.data().get());
        }
    }

    private static void check(String what, ReplyPattern pattern, Optional<Reply> reply, List<String> mismatches) {
        if (reply.isEmpty()) {
            mismatches.add(what + ": expected " + pattern + ", got no reply");
        } else if (!pattern.matches(reply.get())) {
            mismatches.add(what + ": expected " + pattern + ", got " + reply.get());
        }
    }
}
