package io.mailform.oracle;

import io.mailform.delivery.Arrival;
import io.mailform.delivery.Outcome;
import io.mailform.delivery.Reply;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.postfix.AddressReader;
import io.mailform.postfix.AddressReading;
import io.mailform.postfix.AddressResolver;
import io.mailform.postfix.CaseFold;
import io.mailform.postfix.RelayRestrictions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Postfix, configured as mailform compiles the description, does with a transaction: the replies at each stage
 * and where every accepted copy ends up. Written from Postfix's documented semantics and checked against a real
 * instance: address resolution ({@link Resolver}), relay permission ({@link RelayPermission}), the local recipient
 * check ({@link RecipientCheck}), alias expansion and mailboxes ({@link LocalDelivery}), size limits and bounces.
 * The one place that says what a description means for mail; {@code mailform explain} prints its reasoning.
 */
public final class Oracle {
    /** Postfix's message_size_limit when main.cf sets none. */
    static final long POSTFIX_DEFAULT_MESSAGE_SIZE_LIMIT = 10_240_000;
    /** What Postfix adds to the message it counts against message_size_limit: envelope records and Received. */
    static final long QUEUE_FILE_OVERHEAD = 600;
    /**
     * Within this distance of a limit, Postfix's and James's counting differ too much to judge: the larger of 1,500
     * bytes and 2% of the limit (what the servers add per stored message, and mbox's LF line ends, add up).
     */
    public static long edge(long limit) {
        return Math.max(1_500, limit / 50);
    }

    private final MailSystem system;
    private final AddressBook book;
    private final Hops hops;
    private final AddressReader reader;
    private final Resolver resolver;
    private final RelayPermission relayPermission;
    private final RecipientCheck recipientCheck;
    private final LocalDelivery localDelivery;
    private final List<String> unmodelled;

    public Oracle(MailSystem system) {
        if (system.mode() == Mode.NONE) {
            throw new IllegalArgumentException("mode none leaves main.cf to the administrator: there is nothing to "
                    + "predict");
        }
        this.system = system;
        this.book = new AddressBook(system);
        this.hops = new Hops(system);
        this.reader = AddressReader.of(system);
        this.resolver = new Resolver(hops, reader);
        this.relayPermission = new RelayPermission(system.networks(), system.postfixParameters().stream()
                .anyMatch(parameter -> parameter.name().equals("smtpd_sasl_auth_enable")
                        && parameter.value().strip().equalsIgnoreCase("yes")), RelayRestrictions.of(system));
        this.recipientCheck = new RecipientCheck(book);
        this.localDelivery = new LocalDelivery(book, resolver);
        this.unmodelled = Passthrough.unmodelled(system);
    }

    public Prediction predict(Envelope envelope, MailboxUsage usage) {
        return judge(envelope, usage, Trace.silent());
    }

    /** The oracle's reasoning for one recipient, step by step, with the reply and the copies it predicts. */
    public Explanation explain(Client client, String sender, String recipient) {
        Trace trace = Trace.recording();
        Prediction prediction = judge(new Envelope(client, sender, List.of(recipient), 1_000), new MailboxUsage(),
                trace);
        return new Explanation(trace.steps(), trace.copies(), prediction);
    }

    /** True when {@code client} lies inside {@code networks}. */
    public boolean isInsideNetworks(io.mailform.model.IpAddress client) {
        return relayPermission.isInside(client);
    }

    /** The sink a scenario names with {@code via}: {@code smarthost}, {@code direct} or a routed domain. */
    public Optional<String> sinkFor(String via) {
        return hops.sinkFor(via);
    }

    /** Where mail for {@code address} ends up when the system itself sends it, as a bounce to that address is. */
    public List<Arrival> placesOf(String address) {
        return bounceArrivals(address, Trace.silent(), new ArrayList<>());
    }

    private Prediction judge(Envelope envelope, MailboxUsage usage, Trace trace) {
        List<String> uncertainties = new ArrayList<>(unmodelled);
        long limit = system.messageSizeLimit().map(size -> size.bytes()).orElse(POSTFIX_DEFAULT_MESSAGE_SIZE_LIMIT);
        if (limit > 0 && envelope.size() > limit) {
            trace.step("MAIL FROM declares SIZE=" + envelope.size() + ", more than message_size_limit " + limit);
            return refusedAtMail(Reply.of(552, "5.3.4", "Message size exceeds fixed limit"), trace, uncertainties);
        }
        if (limit > 0 && envelope.size() + QUEUE_FILE_OVERHEAD + edge(limit) > limit) {
            uncertainties.add("the message is within " + (QUEUE_FILE_OVERHEAD + edge(limit)) + " bytes of message_size_limit "
                    + limit + ", where what the servers count differs");
        }
        if (reader.sender(envelope.sender(), false) instanceof AddressReading.BadSyntax bad) {
            trace.step("smtpd refuses MAIL FROM:<" + envelope.sender() + ">: " + bad.why());
            return refusedAtMail(Reply.of(501, "5.1.7", "Bad sender address syntax"), trace, uncertainties);
        }
        Reply mail = Reply.of(250, "2.1.0", "Ok");
        List<Reply> rcpt = new ArrayList<>();
        List<Resolution> accepted = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String recipient : envelope.recipients()) {
            trace.step("RCPT TO:<" + recipient + ">");
            Trace nested = trace.nested();
            AddressReading reading = reader.recipient(recipient, false);
            Resolution resolution = reading instanceof AddressReading.Resolved read
                    ? resolver.resolve(EnvelopeAddress.of(recipient, read.internal()), reading, nested)
                    : resolver.resolve(EnvelopeAddress.of(recipient, recipient), reading, nested);
            if (resolution instanceof Resolution.BadSyntax) {
                Reply syntax = Reply.of(501, "5.1.3", "Bad recipient address syntax");
                nested.step("reply: " + syntax);
                rcpt.add(syntax);
                continue;
            }
            if (resolution instanceof Resolution.Unknown unknown) {
                uncertainties.add(recipient + ": " + unknown.reason());
            }
            Optional<Reply> refused = relayPermission.check(envelope.client(), resolution, nested, uncertainties)
                    .or(() -> recipientCheck.check(resolution, nested));
            Reply reply = refused.orElse(Reply.of(250, "2.1.5", "Ok"));
            nested.step("reply: " + reply);
            rcpt.add(reply);
            if (refused.isEmpty() && isFirst(reading, recipient, taken)) {
                accepted.add(resolution);
            } else if (refused.isEmpty()) {
                nested.step("cleanup drops the duplicate: this recipient was given before in the transaction");
            }
        }
        if (accepted.isEmpty()) {
            return new Prediction(new Outcome(mail, rcpt, Optional.empty(), List.of()), uncertainties);
        }
        trace.step("DATA: accepted for " + accepted.size() + " recipient" + (accepted.size() == 1 ? "" : "s"));
        List<Arrival> arrivals = deliver(envelope, accepted, usage, trace, uncertainties);
        return new Prediction(new Outcome(mail, rcpt, Optional.of(Reply.of(250, "2.0.0", "Ok: queued")), arrivals),
                uncertainties);
    }

    /**
     * cleanup's duplicate filter: a recipient given again in one transaction gets no second copy. It compares, in any
     * case, the RCPT argument as written (the DSN original recipient smtpd makes up) and the address as smtpd read it.
     */
    private static boolean isFirst(AddressReading reading, String recipient, Set<String> taken) {
        String read = reading instanceof AddressReading.Resolved resolved ? resolved.internal() : recipient;
        String written = recipient.startsWith("<") && recipient.endsWith(">") && recipient.length() >= 2
                ? recipient.substring(1, recipient.length() - 1) : recipient;
        return taken.add(CaseFold.of(written + "\n" + read));
    }

    private static Prediction refusedAtMail(Reply reply, Trace trace, List<String> uncertainties) {
        trace.step("reply: " + reply);
        return new Prediction(new Outcome(reply, List.of(), Optional.empty(), List.of()), uncertainties);
    }

    private List<Arrival> deliver(Envelope envelope, List<Resolution> accepted, MailboxUsage usage, Trace trace,
            List<String> uncertainties) {
        List<Arrival> arrivals = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // qmgr sends one copy per distinct recipient of a queue file; local(8) delivers each recipient on its own.
        Set<String> relayed = new LinkedHashSet<>();
        for (Resolution resolution : accepted) {
            if (resolution instanceof Resolution.Remote remote) {
                if (relayed.add(remote.hop().sink() + " " + remote.address().address())) {
                    arrivals.add(toSink(Arrival.Kind.MESSAGE, remote.address().address(), remote.hop(), trace));
                    trace.step(remote.address().address() + " is sent " + remote.hop().destination());
                }
            } else if (resolution instanceof Resolution.Local local) {
                for (Destination destination : localDelivery.deliver(local.address(), trace)) {
                    place(destination, envelope.size(), Arrival.Kind.MESSAGE, usage, arrivals, failures,
                            uncertainties, trace);
                }
            }
        }
        if (!failures.isEmpty()) {
            trace.step("bounced: " + String.join("; ", failures));
            if (EnvelopeAddress.read(envelope.sender()).map(EnvelopeAddress::isNull).orElse(true)) {
                trace.step("the sender is null (<>): no bounce is sent");
            } else {
                arrivals.addAll(bounceArrivals(envelope.sender(), trace, uncertainties));
            }
        }
        return arrivals;
    }

    private void place(Destination destination, long size, Arrival.Kind kind, MailboxUsage usage,
            List<Arrival> arrivals, List<String> failures, List<String> uncertainties, Trace trace) {
        if (destination instanceof Destination.Mailbox mailbox) {
            long limit = system.mailboxSizeLimit().bytes();
            long after = usage.used(mailbox.account()) + size + MailboxUsage.ADDED_ON_DELIVERY;
            if (limit > 0 && Math.abs(after - limit) < edge(limit)) {
                uncertainties.add("mailbox " + mailbox.account() + " would hold " + after
                        + " bytes, at the edge of mailbox_size_limit " + limit);
            }
            if (limit > 0 && after > limit) {
                failures.add("mailbox " + mailbox.account() + " is full (mailbox_size_limit " + limit + ")");
                return;
            }
            if (kind == Arrival.Kind.MESSAGE) {
                usage.add(mailbox.account(), size);
            }
            Arrival arrival = Arrival.inMailbox(kind, mailbox.account());
            arrivals.add(arrival);
            trace.copy(arrival.text());
        } else if (destination instanceof Destination.Forward forward) {
            arrivals.add(toSink(kind, forward.address().address(), forward.hop(), trace));
        } else if (destination instanceof Destination.Failed failed) {
            failures.add(failed.address() + ": " + failed.reason());
        } else if (destination instanceof Destination.Unobservable unobservable) {
            uncertainties.add(unobservable.target() + " delivers where no mailbox or sink shows it");
        }
    }

    /** Where a bounce to {@code sender} goes: the system sends it, so no relay restriction applies. */
    private List<Arrival> bounceArrivals(String sender, Trace trace, List<String> uncertainties) {
        trace.step("a bounce goes to the sender " + sender);
        Trace nested = trace.nested();
        Resolution resolution = resolver.resolve(EnvelopeAddress.internal(sender), nested);
        List<Arrival> arrivals = new ArrayList<>();
        if (resolution instanceof Resolution.Remote remote) {
            arrivals.add(toSink(Arrival.Kind.BOUNCE, remote.address().address(), remote.hop(), trace));
        } else if (resolution instanceof Resolution.Local local) {
            List<String> failures = new ArrayList<>();
            for (Destination destination : localDelivery.deliver(local.address(), nested)) {
                place(destination, 0, Arrival.Kind.BOUNCE, new MailboxUsage(), arrivals, failures, uncertainties,
                        trace);
            }
            failures.forEach(failure -> uncertainties.add("the bounce itself cannot be delivered: " + failure));
        } else {
            uncertainties.add("the bounce to " + sender + " cannot be delivered, and where a double bounce goes is "
                    + "not modelled");
        }
        return arrivals;
    }

    /**
     * A copy that leaves the system: predicted at the sink that stands in for its next hop, and traced with the next
     * hop itself, e.g. {@code friend@remote.example to [smtp.example.net]:587 (TLS encrypt, login example-org)}. The
     * next hop sees the recipient in Postfix's external form, quoted where RFC 822 needs it.
     */
    private static Arrival toSink(Arrival.Kind kind, String recipient, Hop hop, Trace trace) {
        String external = AddressResolver.externalForm(recipient);
        trace.copy((kind == Arrival.Kind.BOUNCE ? "bounce for " : "") + external + " " + hop.destination() + " ("
                + hop.settings() + ")");
        return Arrival.inSink(kind, hop.sink(), external, hop.login(), hop.encrypted());
    }
}
