package io.mailform.scenario;

import io.mailform.delivery.Arrival;
import io.mailform.delivery.Outcome;
import io.mailform.delivery.Place;
import io.mailform.delivery.Reply;
import io.mailform.delivery.ReplyPattern;
import io.mailform.model.Alias;
import io.mailform.model.Interfaces;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Route;
import io.mailform.model.User;
import io.mailform.oracle.Oracle;
import io.mailform.postfix.LocalDomains;
import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Derives cases from a description: every user, alias, root and postmaster, every local domain, delimiter and case
 * variants, an unknown user, system accounts, relaying from inside and outside networks with the usual tricks, a
 * login, the size limits, a full mailbox, every route and the smarthost. What each case must do is the oracle's
 * prediction; a case the oracle cannot judge is left out, and {@link Generated#leftOut()} says why.
 */
public final class CaseGenerator {
    /** Messages larger than this are not sent by generated cases; the limit is still tested from the other side. */
    static final long LARGEST_SENT = 16L << 20;
    /** A mailbox limit up to this is filled by a generated case. */
    static final long LARGEST_FILLED_MAILBOX = 4L << 20;
    /** The schema's bound on {@code repeat}. */
    static final int MAX_REPEAT = 100;
    static final String REMOTE = "friend@remote.example";
    static final String REMOTE_SENDER = "someone@remote.example";
    private static final String POSTMASTER = "postmaster";

    private final MailSystem system;
    private final Oracle oracle;
    private final ScenarioOracle predictions;
    private final List<Case> cases = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<LeftOut> leftOut = new ArrayList<>();
    private final Map<String, String> viaBySink = new LinkedHashMap<>();

    /**
     * The generated cases, and what was not generated and why: {@code notes} for kinds of case the description has
     * no room for (no client outside networks, no size limit), {@code leftOut} for each case made and left out.
     */
    public record Generated(Scenarios scenarios, List<String> notes, List<LeftOut> leftOut) {
        public Generated {
            notes = List.copyOf(notes);
            leftOut = List.copyOf(leftOut);
        }

        /** Every note and every case left out with its reason, one line each, for people. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>(notes);
            leftOut.forEach(item -> lines.add(item.name() + ": " + item.reason()));
            return List.copyOf(lines);
        }
    }


    public CaseGenerator(MailSystem system, Oracle oracle) {
        this.system = system;
        this.oracle = oracle;
        this.predictions = new ScenarioOracle(system, oracle);
        for (Route route : system.routes()) {
            oracle.sinkFor(route.domain().value()).ifPresent(sink -> viaBySink.putIfAbsent(sink,
                    route.domain().value()));
        }
        for (String via : List.of("smarthost", "direct")) {
            oracle.sinkFor(via).ifPresent(sink -> viaBySink.putIfAbsent(sink, via));
        }
    }

    /** @param description the description's path as the scenario file should name it */
    public Generated generate(String description) {
        List<String> domains = LocalDomains.of(system);
        String home = domains.contains(LocalDomains.myorigin(system)) ? LocalDomains.myorigin(system)
                : domains.isEmpty() ? "localhost" : domains.get(0);
        ClientChoice outside = reachableFromOutside() ? new ClientChoice.Outside() : ClientChoice.LOCALHOST;
        String sender = reachableFromOutside() ? REMOTE_SENDER : "root@" + home;

        for (User user : system.users()) {
            add("user " + user.name() + " receives", outside, sender, List.of(user.name() + "@" + home));
        }
        for (Alias alias : system.aliases()) {
            if (!alias.name().equals(POSTMASTER)) {
                add("alias " + alias.name() + " reaches its targets", outside, sender,
                        List.of(alias.name() + "@" + home));
            }
        }
        add("root and postmaster", outside, sender, List.of("root@" + home, "postmaster@" + home));
        for (String domain : domains) {
            add("postmaster in the local domain " + domain, outside, sender, List.of("postmaster@" + domain));
        }
        Optional<String> someone = system.users().stream().map(User::name).findFirst()
                .or(() -> system.aliases().stream().map(Alias::name).filter(name -> !name.equals(POSTMASTER))
                        .findFirst());
        String name = someone.orElse(POSTMASTER);
        add("upper case " + name.toUpperCase(Locale.ROOT) + "@" + home.toUpperCase(Locale.ROOT), outside, sender,
                List.of(name.toUpperCase(Locale.ROOT) + "@" + home.toUpperCase(Locale.ROOT)));
        String delimiter = system.recipientDelimiter();
        if (!delimiter.isEmpty()) {
            for (char character : delimiter.toCharArray()) {
                add("extension " + name + character + "tag", outside, sender,
                        List.of(name + character + "tag@" + home));
            }
            system.aliases().stream().filter(alias -> !alias.name().equals(POSTMASTER)).findFirst()
                    .ifPresent(alias -> add("alias " + alias.name() + " with an extension", outside, sender,
                            List.of(alias.name() + delimiter.charAt(0) + "tag@" + home)));
        }
        add("an unknown user is refused", outside, sender, List.of("nosuchuser@" + home));
        if (!delimiter.isEmpty()) {
            add("an unknown user with an extension is refused", outside, sender,
                    List.of("nosuchuser" + delimiter.charAt(0) + "tag@" + home));
        }
        add("system accounts nobody and www-data", outside, sender, List.of("nobody@" + home, "www-data@" + home));
        relaying(home, outside);
        routes(home);
        sizes(home, name);
        fullMailbox(home);
        return new Generated(new Scenarios(description, cases), notes, leftOut);
    }

    private void relaying(String home, ClientChoice outside) {
        if (!system.networks().isEmpty()) {
            add("a client inside networks sends to another domain", new ClientChoice.Inside(), "root@" + home,
                    List.of(REMOTE));
        }
        if (!reachableFromOutside()) {
            notes.add("no case from outside networks: the system listens on loopback only");
            return;
        }
        add("a client outside networks cannot relay", outside, REMOTE_SENDER, List.of(REMOTE));
        add("a client outside networks with a login relays only where SASL is offered", new ClientChoice.Outside(),
                REMOTE_SENDER, List.of(REMOTE),
                Optional.of("alice"), OptionalLong.empty(), 1);
        Map<String, String> tricks = new LinkedHashMap<>();
        tricks.put("percent hack", "friend%remote.example@" + home);
        tricks.put("bang path", "remote.example!friend@" + home);
        tricks.put("source route", "@" + home + ":" + REMOTE);
        tricks.put("quoted local part", "\"" + REMOTE + "\"@" + home);
        tricks.put("two @", REMOTE + "@" + home);
        tricks.put("trailing dot", REMOTE + ".");
        tricks.forEach((trick, address) -> {
            add("relay trick from outside: " + trick, outside, REMOTE_SENDER, List.of(address));
            if (!system.networks().isEmpty()) {
                add("relay trick from inside: " + trick, new ClientChoice.Inside(), "root@" + home, List.of(address));
            }
        });
    }

    private void routes(String home) {
        for (Route route : system.routes()) {
            add("route " + route.domain().value(), insideOrLocal(), "root@" + home,
                    List.of("someone@" + route.domain().value()));
        }
        if (system.mode() == Mode.SATELLITE) {
            add("the mail name's own domain goes to the relay", insideOrLocal(), "root@" + home,
                    List.of("someone@" + LocalDomains.myorigin(system)));
        }
    }

    private void sizes(String home, String name) {
        long limit = system.messageSizeLimit().map(size -> size.bytes()).orElse(10_240_000L);
        if (limit == 0) {
            notes.add("no size case: message_size_limit is 0 (unlimited)");
            return;
        }
        add("a message over message_size_limit is refused at MAIL", insideOrLocal(), "root@" + home,
                List.of(name + "@" + home), Optional.empty(), OptionalLong.of(limit + 1024), 1);
        if (underLimit(limit) <= LARGEST_SENT) {
            add("a message just under message_size_limit is accepted", insideOrLocal(), "root@" + home,
                    List.of(name + "@" + home), Optional.empty(), OptionalLong.of(underLimit(limit)), 1);
        } else {
            notes.add("no case just under message_size_limit: " + limit + " bytes is more than a test sends ("
                    + LARGEST_SENT + ")");
        }
    }

    private void fullMailbox(String home) {
        long limit = system.mailboxSizeLimit().bytes();
        Optional<String> user = system.users().stream().map(User::name).findFirst();
        if (limit == 0 || user.isEmpty()) {
            return;
        }
        if (limit > LARGEST_FILLED_MAILBOX) {
            notes.add("no full-mailbox case: mailbox_size_limit " + limit + " is more than a test fills ("
                    + LARGEST_FILLED_MAILBOX + ")");
            return;
        }
        // The boundary falls halfway through the last message that fits: half a message from the limit on both
        // sides, far from where what Postfix and James count per stored message matters.
        long free = limit - predictions.storedIn(user.get());
        long largest = underLimit(system.messageSizeLimit().map(s -> s.bytes()).orElse(limit));
        int fits = (int) Math.max(2, Math.ceil(free / (double) largest));
        long size = (long) (free / (fits + 0.5));
        if (size / 2 < 2 * Oracle.edge(limit) || fits + 1 > MAX_REPEAT) {
            notes.add("no full-mailbox case: mailbox_size_limit " + limit + " cannot be reached with messages that "
                    + "stay clear of message_size_limit");
            return;
        }
        // The bounce must go somewhere observable: a local-only system cannot send one to another domain.
        String sender = system.mode() == Mode.LOCAL_ONLY ? "root@" + home : REMOTE_SENDER;
        add("a full mailbox bounces the message that does not fit", insideOrLocal(), sender,
                List.of(user.get() + "@" + home), Optional.empty(), OptionalLong.of(size), fits + 1);
    }

    /** The largest message clearly under a message size limit, whatever the servers add to what they count. */
    static long underLimit(long limit) {
        return limit - 2 * Oracle.edge(limit) - 1024;
    }

    private ClientChoice insideOrLocal() {
        return system.networks().isEmpty() ? ClientChoice.LOCALHOST : new ClientChoice.Inside();
    }

    private boolean reachableFromOutside() {
        return !(system.interfaces() instanceof Interfaces.LoopbackOnly);
    }

    private void add(String name, ClientChoice client, String from, List<String> to) {
        add(name, client, from, to, Optional.empty(), OptionalLong.empty(), 1);
    }

    private void add(String name, ClientChoice client, String from, List<String> to, Optional<String> login,
            OptionalLong size, int repeat) {
        Send send = new Send(client, Send.DEFAULT_HELO, login, from, to, size, repeat);
        String pointer = Pointers.of("cases", cases.size());
        Case draft = new Case(name, send, new Expectation(Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Map.of(), List.of(), List.of()), pointer);
        if (new ClientAddresses(system, oracle).of(client).isEmpty()) {
            leftOut.add(new LeftOut(name, "no client address " + client.text()));
            return;
        }
        CasePrediction prediction = predictions.predict(draft);
        if (!prediction.isCertain()) {
            // The oracle's uncertainties say what it cannot judge, e.g. a parameter it does not model.
            leftOut.add(new LeftOut(name, String.join("; ", prediction.uncertainties())));
            return;
        }
        cases.add(new Case(name, send, expectation(send, prediction.outcomes()), pointer));
    }

    /** The oracle's outcome as a scenario states it: exact replies, every copy by its next hop. */
    private Expectation expectation(Send send, List<Outcome> outcomes) {
        Outcome first = outcomes.get(0);
        Optional<ReplyPattern> mail = Optional.of(ReplyPattern.exactly(first.mail()));
        Map<String, ReplyPattern> rcpt = new LinkedHashMap<>();
        for (int i = 0; i < first.rcpt().size(); i++) {
            rcpt.put(send.to().get(i), ReplyPattern.exactly(first.rcpt().get(i)));
        }
        boolean oneRcptReply = rcpt.values().stream().map(ReplyPattern::text).distinct().count() == 1;
        Optional<ReplyPattern> data = first.data().map(ReplyPattern::exactly);
        Map<String, Integer> delivered = new LinkedHashMap<>();
        Map<String, List<Arrival>> relayedBySink = new LinkedHashMap<>();
        List<String> bounced = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            // One bounce per message that could not be delivered everywhere, however many places it reaches.
            if (outcome.arrivals().stream().anyMatch(arrival -> arrival.kind() == Arrival.Kind.BOUNCE)) {
                bounced.add(send.from());
            }
            for (Arrival arrival : outcome.arrivals()) {
                if (arrival.kind() == Arrival.Kind.BOUNCE) {
                    continue;
                }
                if (arrival.place() instanceof Place.Mailbox mailbox) {
                    delivered.merge(mailbox.account(), 1, Integer::sum);
                } else if (arrival.place() instanceof Place.Sink sink) {
                    relayedBySink.computeIfAbsent(sink.name(), key -> new ArrayList<>()).add(arrival);
                }
            }
        }
        List<RelayedCopies> relayed = new ArrayList<>();
        relayedBySink.forEach((sink, arrivals) -> {
            Arrival any = arrivals.get(0);
            relayed.add(new RelayedCopies(viaBySink.getOrDefault(sink, sink),
                    arrivals.stream().map(Arrival::recipient).toList(),
                    Optional.of(any.login().orElse(RelayedCopies.NO_LOGIN)), Optional.of(any.tls()), ""));
        });
        boolean sameMail = outcomes.stream().allMatch(outcome -> outcome.mail().status().equals(first.mail().status()));
        boolean sameRcpt = sameRcpt(outcomes);
        Optional<ReplyPattern> rcptAll = sameRcpt && oneRcptReply ? rcpt.values().stream().findFirst()
                : Optional.empty();
        return new Expectation(sameMail ? mail : Optional.empty(), rcptAll,
                sameRcpt && !oneRcptReply ? rcpt : Map.of(),
                sameData(outcomes) ? data : Optional.empty(), delivered, relayed, bounced);
    }

    private static boolean sameRcpt(List<Outcome> outcomes) {
        List<String> first = outcomes.get(0).rcpt().stream().map(Reply::status).toList();
        return outcomes.stream().allMatch(outcome -> outcome.rcpt().stream().map(Reply::status).toList().equals(first));
    }

    private static boolean sameData(List<Outcome> outcomes) {
        Optional<String> first = outcomes.get(0).data().map(Reply::status);
        return outcomes.stream().allMatch(outcome -> outcome.data().map(Reply::status).equals(first));
    }
}
