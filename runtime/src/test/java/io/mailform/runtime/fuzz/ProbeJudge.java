package io.mailform.runtime.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.mailform.delivery.Arrival;
import io.mailform.delivery.Outcome;
import io.mailform.delivery.Place;
import io.mailform.delivery.Reply;
import io.mailform.runtime.scenario.KnownDifferences;
import io.mailform.runtime.smtp.PostfixRcptCmdHandler;

/**
 * Compares what James and Postfix did with one probe: the reply to MAIL by code and enhanced status, then (where both
 * took the sender) each RCPT's, then (where both answered every recipient alike) DATA's and the fate of the copies:
 * which mailboxes, which sinks with which envelope recipient, login and TLS, which bounces where. What follows from an
 * earlier difference is not reported again. A difference KD1 or KD2 explains, as docs/testing.md describes them, is
 * marked with it, and so is a refusal KD3 explains (an address James cannot hold, taken by Postfix).
 */
final class ProbeJudge {
    /**
     * KD2: the host's own address as an address literal anywhere in the recipient (its domain, or one that routing
     * in its local part reaches: {@code sys%[127.0.0.1]@example.org}); the private Postfix listens on 127.0.0.1 and
     * ::1.
     */
    private static final Pattern OWN_LITERAL =
        Pattern.compile("(?i)\\[(127\\.0\\.0\\.1|ipv6:(0{0,4}:){2,7}0{0,3}1)\\]");
    /** The host's own address as James writes it at a next hop, without brackets (KD1). */
    private static final Pattern OWN_ADDRESS =
        Pattern.compile("(?i)@\\[?(127\\.0\\.0\\.1|(ipv6:)?::1)\\]?\\.?$");
    /** A quoted local part of atom characters, at least one outside ASCII, and no quoted pair. */
    private static final Pattern EIGHT_BIT_QUOTED =
        Pattern.compile("\"([^\"\\\\\\s()<>\\[\\],;:@]*[^\\x00-\\x7F][^\"\\\\\\s()<>\\[\\],;:@]*)\"@");
    private static final Pattern LITERAL = Pattern.compile("(?i)@\\[(?:ipv6:)?([^\\]]*)\\]");

    private final AddressClass classes;

    ProbeJudge(AddressClass classes) {
        this.classes = classes;
    }

    List<Divergence> compare(Probe probe, Outcome james, Outcome postfix) {
        return compare(probe, james, postfix, 0, 0);
    }

    /**
     * @param jamesHeld how many messages of this probe James still held in its queue when the wait ended
     * @param postfixHeld likewise Postfix
     */
    List<Divergence> compare(Probe probe, Outcome james, Outcome postfix, long jamesHeld, long postfixHeld) {
        List<Divergence> divergences = new ArrayList<>();
        if (!james.mail().status().equals(postfix.mail().status())) {
            Divergence divergence = replies("MAIL", probe.client(), classes.of(probe.sender()),
                "FROM:" + probe.sender().text(), Optional.of(james.mail()), Optional.of(postfix.mail()));
            if (isOwnLiteral(probe.sender())) {
                divergence = divergence.explainedBy(KnownDifferences.OWN_ADDRESS_LITERAL);
            } else if (cannotHold(Optional.of(james.mail()), Optional.of(postfix.mail()))) {
                divergence = divergence.explainedBy(KnownDifferences.ADDRESS_JAMES_CANNOT_HOLD);
            }
            divergences.add(divergence);
            return divergences;
        }
        boolean recipientsAgree = true;
        for (int i = 0; i < probe.recipients().size(); i++) {
            Optional<Reply> a = i < james.rcpt().size() ? Optional.of(james.rcpt().get(i)) : Optional.empty();
            Optional<Reply> b = i < postfix.rcpt().size() ? Optional.of(postfix.rcpt().get(i)) : Optional.empty();
            if (!a.map(Reply::status).equals(b.map(Reply::status))) {
                recipientsAgree = false;
                AddressGrammar.Generated recipient = probe.recipients().get(i);
                Divergence divergence = replies("RCPT", probe.client(), classes.of(recipient),
                    "TO:" + recipient.text(), a, b);
                if (isOwnLiteral(recipient)) {
                    divergence = divergence.explainedBy(KnownDifferences.OWN_ADDRESS_LITERAL);
                } else if (cannotHold(a, b)) {
                    divergence = divergence.explainedBy(KnownDifferences.ADDRESS_JAMES_CANNOT_HOLD);
                }
                divergences.add(divergence);
            }
        }
        if (!recipientsAgree) {
            return divergences;
        }
        String shape = transactionClass(classes, probe);
        if (!james.data().map(Reply::status).equals(postfix.data().map(Reply::status))) {
            divergences.add(replies("DATA", probe.client(), shape, "the message", james.data(), postfix.data()));
            return divergences;
        }
        List<String> jamesCopies = keys(james.arrivals(), false);
        List<String> postfixCopies = keys(postfix.arrivals(), false);
        if (!jamesCopies.equals(postfixCopies) || jamesHeld != postfixHeld) {
            Divergence fate = new Divergence("fate", probe.client(), shape, "the copies",
                outline(james.arrivals()) + held(jamesHeld), outline(postfix.arrivals()) + held(postfixHeld),
                placesApart(james.arrivals(), jamesHeld, postfix.arrivals(), postfixHeld),
                "james " + OutcomeText.fate(james) + held(jamesHeld) + "; postfix " + OutcomeText.fate(postfix)
                    + held(postfixHeld), Optional.empty());
            if (jamesHeld == postfixHeld && jamesCopies.equals(keys(postfix.arrivals(), true))) {
                fate = fate.explainedBy(KnownDifferences.LITERAL_BRACKETS);
            } else if (jamesHeld == postfixHeld && unquoted(jamesCopies).equals(unquoted(postfixCopies))) {
                fate = fate.explainedBy(KnownDifferences.EIGHT_BIT_QUOTED);
            } else if (probe.recipients().stream().allMatch(ProbeJudge::isOwnLiteral)
                    || probe.recipients().stream().anyMatch(ProbeJudge::isOwnLiteral) && jamesHeld == postfixHeld
                        && onlyOwnLiteralsApart(james.arrivals(), postfix.arrivals())) {
                fate = fate.explainedBy(KnownDifferences.OWN_ADDRESS_LITERAL);
            }
            divergences.add(fate);
        }
        return divergences;
    }

    /**
     * KD2 in a transaction that also has other recipients: the copies apart are, on James's side, only copies sent on
     * for the host's own address (James took the literal as remote), and on Postfix's whatever the local part led to
     * once the literal was local.
     */
    private static boolean onlyOwnLiteralsApart(List<Arrival> james, List<Arrival> postfix) {
        List<Arrival> jamesOnly = beyond(james, postfix);
        List<Arrival> postfixOnly = beyond(postfix, james);
        return !jamesOnly.isEmpty() && !postfixOnly.isEmpty()
            && jamesOnly.stream().allMatch(arrival -> arrival.place() instanceof Place.Sink
                && OWN_ADDRESS.matcher(arrival.recipient()).find());
    }

    /** The copies of {@code these} beyond those of {@code others}, counted as a multiset. */
    private static List<Arrival> beyond(List<Arrival> these, List<Arrival> others) {
        List<String> remaining = new ArrayList<>(keys(others, false));
        List<Arrival> beyond = new ArrayList<>();
        for (Arrival arrival : these) {
            if (!remaining.remove(key(arrival))) {
                beyond.add(arrival);
            }
        }
        return beyond;
    }

    private static String key(Arrival arrival) {
        return keys(List.of(arrival), false).get(0);
    }

    /**
     * KD4: the copies with a quoted local part that holds characters outside ASCII unquoted, as Postfix writes it
     * ({@code "jörg"@remote.example} is {@code jörg@remote.example}).
     */
    private static List<String> unquoted(List<String> keys) {
        return keys.stream().map(key -> EIGHT_BIT_QUOTED.matcher(key).replaceAll(
            match -> Matcher.quoteReplacement(match.group(1)) + "@")).sorted().toList();
    }

    private static Divergence replies(String stage, ClientSide client, String addressClass, String what,
            Optional<Reply> james, Optional<Reply> postfix) {
        String a = james.map(Reply::status).orElse("no reply");
        String b = postfix.map(Reply::status).orElse("no reply");
        return new Divergence(stage, client, addressClass, what, a, b, "james " + a + " | postfix " + b,
            "james " + james.map(Reply::toString).orElse("no reply") + ", postfix "
                + postfix.map(Reply::toString).orElse("no reply"), Optional.empty());
    }

    /** The sender's and every recipient's class: what DATA and the fate depend on. */
    static String transactionClass(AddressClass classes, Probe probe) {
        return "from [" + classes.of(probe.sender()) + "] to " + probe.recipients().stream()
            .map(recipient -> "[" + classes.of(recipient) + "]").collect(Collectors.joining(" "));
    }

    /**
     * KD3: James refused, as an address it cannot hold, what Postfix took. Where Postfix refused the address too, the
     * runtime must have refused it as Postfix did, so that is no excuse.
     */
    private static boolean cannotHold(Optional<Reply> james, Optional<Reply> postfix) {
        return james.filter(reply -> reply.code() == 553 && reply.text().contains(PostfixRcptCmdHandler.CANNOT_HOLD))
            .isPresent() && postfix.filter(Reply::isPositive).isPresent();
    }

    static boolean isOwnLiteral(AddressGrammar.Generated recipient) {
        return OWN_LITERAL.matcher(recipient.bytes()).find();
    }

    /**
     * Each copy as the servers are compared by, sorted: the envelope recipient in lower case (James keeps the case of a
     * domain as given less often than Postfix). With {@code withoutBrackets}, a literal's brackets are dropped from
     * envelope recipients at sinks, as James writes them (KD1).
     */
    private static List<String> keys(List<Arrival> arrivals, boolean withoutBrackets) {
        List<String> keys = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            String recipient = arrival.recipient().toLowerCase(Locale.ROOT);
            if (withoutBrackets && arrival.place() instanceof Place.Sink) {
                Matcher literal = LITERAL.matcher(recipient);
                recipient = literal.replaceAll(match -> "@" + Matcher.quoteReplacement(match.group(1)));
            }
            keys.add(new Arrival(arrival.kind(), arrival.place(), recipient, arrival.login(), arrival.tls()).text());
        }
        keys.sort(null);
        return keys;
    }

    private static String held(long messages) {
        return messages == 0 ? "" : ", " + messages + " held in the queue";
    }

    /**
     * Where one server put copies and the other did not, in kinds of place (a mailbox whoever's it is, a sink by
     * name, a bounce in either), each kind once however many copies, and what each still held: {@code james mailbox |
     * postfix sink smtp.isp.example:587}. Copies that went to the same places for other envelope recipients read
     * {@code james same places | postfix same places}.
     */
    private static String placesApart(List<Arrival> james, long jamesHeld, List<Arrival> postfix, long postfixHeld) {
        List<String> a = placeKinds(james);
        List<String> b = placeKinds(postfix);
        return "james " + apart(a, b) + held(jamesHeld) + " | postfix " + apart(b, a) + held(postfixHeld);
    }

    /** The kinds of place in {@code these} beyond those in {@code others}, counted as a multiset, named once each. */
    private static String apart(List<String> these, List<String> others) {
        List<String> beyond = new ArrayList<>(these);
        others.forEach(beyond::remove);
        if (beyond.isEmpty()) {
            return these.size() == others.size() ? "same places" : "no more";
        }
        return beyond.stream().distinct().sorted().collect(Collectors.joining(", "));
    }

    private static List<String> placeKinds(List<Arrival> arrivals) {
        return arrivals.stream().map(arrival -> (arrival.kind() == Arrival.Kind.BOUNCE ? "bounce in " : "")
            + (arrival.place() instanceof Place.Mailbox ? "mailbox" : arrival.place().text())).toList();
    }

    /**
     * The copies in outline, for signatures: places as they are, an envelope recipient at a sink reduced to its shape
     * (letters a, digits 9), so that the same fate for other names is the same finding.
     */
    private static String outline(List<Arrival> arrivals) {
        if (arrivals.isEmpty()) {
            return "no copies";
        }
        List<String> parts = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            String recipient = arrival.place() instanceof Place.Sink
                ? arrival.recipient().toLowerCase(Locale.ROOT).replaceAll("[a-z]+", "a").replaceAll("[0-9]+", "9")
                : arrival.recipient();
            parts.add(new Arrival(arrival.kind(), arrival.place(), recipient, arrival.login(), arrival.tls()).text());
        }
        parts.sort(null);
        return String.join(", ", parts);
    }
}
