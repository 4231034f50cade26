package io.mailform.runtime.fuzz;

import java.util.stream.Collectors;

import io.mailform.delivery.Arrival;
import io.mailform.delivery.Outcome;
import io.mailform.delivery.Reply;

/** A server's outcome of a probe on one line: each reply, then where every copy went. */
final class OutcomeText {
    private OutcomeText() {
    }

    static String of(Outcome outcome) {
        StringBuilder text = new StringBuilder("MAIL ").append(outcome.mail());
        for (Reply reply : outcome.rcpt()) {
            text.append("; RCPT ").append(reply);
        }
        outcome.data().ifPresent(data -> text.append("; DATA ").append(data));
        text.append("; ").append(fate(outcome));
        return text.toString();
    }

    /** Where the copies went: {@code copies: mailbox alice, bounce in sink smtp.isp.example:587 for a@b}. */
    static String fate(Outcome outcome) {
        if (outcome.arrivals().isEmpty()) {
            return outcome.accepted() ? "copies: none (accepted and then neither delivered nor bounced)"
                : "copies: none";
        }
        return "copies: " + outcome.arrivals().stream().map(Arrival::text).collect(Collectors.joining(", "));
    }
}
