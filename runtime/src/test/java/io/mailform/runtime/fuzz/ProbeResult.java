package io.mailform.runtime.fuzz;

import java.util.List;

import io.mailform.delivery.Outcome;

/**
 * What both servers did with one probe: the replies and the copies each left, the differences between them, and what
 * a known difference explains.
 *
 * @param late deliveries of earlier probes that showed up only now, on either server
 */
record ProbeResult(Probe probe, Outcome james, Outcome postfix, List<Divergence> divergences, List<String> late) {
    ProbeResult {
        divergences = List.copyOf(divergences);
        late = List.copyOf(late);
    }

    /** The divergences no known difference explains. */
    List<Divergence> unexplained() {
        return divergences.stream().filter(divergence -> divergence.knownDifference().isEmpty()).toList();
    }

    /** The probe, both servers' answers and copies, and each divergence, for a report. */
    String report() {
        StringBuilder text = new StringBuilder(probe.text()).append('\n');
        text.append("  james:   ").append(OutcomeText.of(james)).append('\n');
        text.append("  postfix: ").append(OutcomeText.of(postfix)).append('\n');
        for (Divergence divergence : divergences) {
            text.append("  ").append(divergence.text()).append('\n');
            text.append("    signature: ").append(divergence.signature()).append('\n');
        }
        return text.toString();
    }
}
