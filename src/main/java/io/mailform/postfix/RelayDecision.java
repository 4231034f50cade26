package io.mailform.postfix;

import io.mailform.delivery.Reply;
import java.util.List;
import java.util.Optional;

/**
 * What smtpd's relay and recipient restrictions make of one RCPT: permitted, or refused with a reply by one
 * restriction. {@code unjudged} are the restrictions met on the way whose answer depends on data the description does
 * not hold (a lookup table, a policy service, DNS): where there are any, the decision is what happens if none of them
 * answers.
 */
public record RelayDecision(Optional<Refusal> refusal, List<Restriction> unjudged, List<String> steps) {
    /** The restriction that refused, in its list, and the reply smtpd gives. */
    public record Refusal(String list, Restriction by, Reply reply) {
    }

    public RelayDecision {
        unjudged = List.copyOf(unjudged);
        steps = List.copyOf(steps);
    }

    public boolean permitted() {
        return refusal.isEmpty();
    }

    /** True when the decision can be relied on: no lookup or service could have changed it. */
    public boolean isCertain() {
        return unjudged.isEmpty();
    }
}
