package io.mailform.delivery;

import java.util.List;
import java.util.Optional;

/**
 * What happened to one transaction, as a server answered it or as the oracle predicts it: the reply to MAIL, to each
 * RCPT in the order sent (none when MAIL was refused), to the end of DATA (none when no recipient was accepted),
 * and every copy that ended up somewhere.
 */
public record Outcome(Reply mail, List<Reply> rcpt, Optional<Reply> data, List<Arrival> arrivals) {
    public Outcome {
        rcpt = List.copyOf(rcpt);
        arrivals = arrivals.stream().sorted(Arrival.ORDER).toList();
    }

    /** True when the message was accepted for at least one recipient. */
    public boolean accepted() {
        return data.filter(Reply::isPositive).isPresent();
    }

    public Outcome withArrivals(List<Arrival> placed) {
        return new Outcome(mail, rcpt, data, placed);
    }
}
