package io.mailform.scenario;

import io.mailform.delivery.Outcome;
import io.mailform.model.MailSystem;
import io.mailform.oracle.Client;
import io.mailform.oracle.Envelope;
import io.mailform.oracle.MailboxUsage;
import io.mailform.oracle.Oracle;
import io.mailform.oracle.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The oracle run over a scenario in order: each case's transactions predicted with the mailboxes as full as the cases
 * before left them, as the servers run them.
 */
public final class ScenarioOracle {
    /** The size the oracle assumes for a case that does not give one: a short message with its headers. */
    public static final long SHORT_MESSAGE = 1_000;

    private final Oracle oracle;
    private final ClientAddresses clients;
    private final MailboxUsage usage = new MailboxUsage();

    public ScenarioOracle(MailSystem system, Oracle oracle) {
        this.oracle = oracle;
        this.clients = new ClientAddresses(system, oracle);
    }

    /** How full the oracle takes {@code account}'s mailbox to be after the cases predicted so far. */
    public long storedIn(String account) {
        return usage.used(account);
    }

    public CasePrediction predict(Case item) {
        Send send = item.send();
        Client client = new Client(clients.of(send.client()).orElseThrow(
                () -> new IllegalArgumentException(item.name() + ": no client address " + send.client().text())),
                send.login());
        Envelope envelope = new Envelope(client, send.from(), send.to(), send.size().orElse(SHORT_MESSAGE));
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> uncertainties = new LinkedHashSet<>();
        for (int i = 0; i < send.repeat(); i++) {
            Prediction prediction = oracle.predict(envelope, usage);
            outcomes.add(prediction.outcome());
            uncertainties.addAll(prediction.uncertainties());
        }
        return new CasePrediction(outcomes, List.copyOf(uncertainties));
    }
}
