package io.mailform.oracle;

import io.mailform.delivery.Arrival;
import io.mailform.delivery.Reply;
import java.util.List;
import java.util.Optional;

/**
 * What Postfix does with one transaction: its reply to MAIL, to each RCPT (in the order sent; none when MAIL was
 * refused), to the end of DATA (none when no recipient was accepted), and every copy that ends up somewhere.
 * {@code uncertainties} name what the oracle could not judge (a passthrough parameter it does not model, a size at
 * the edge of a limit); a prediction with any is not a verdict.
 */
public record Prediction(Reply mail, List<Reply> rcpt, Optional<Reply> data, List<Arrival> arrivals,
        List<String> uncertainties) {
    public Prediction {
        rcpt = List.copyOf(rcpt);
        arrivals = arrivals.stream().sorted(Arrival.ORDER).toList();
        uncertainties = List.copyOf(uncertainties);
    }

    public boolean isCertain() {
        return uncertainties.isEmpty();
    }

    /** True when the message was accepted for at least one recipient. */
    public boolean accepted() {
        return data.filter(Reply::isPositive).isPresent();
    }
}
