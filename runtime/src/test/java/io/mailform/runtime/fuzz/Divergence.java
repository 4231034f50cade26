package io.mailform.runtime.fuzz;

import java.util.Optional;

import io.mailform.runtime.scenario.KnownDifference;

/**
 * One way the servers differ on a probe: at MAIL, at one RCPT, at DATA, or in the fate of the copies.
 *
 * @param stage {@code MAIL}, {@code RCPT}, {@code DATA} or {@code fate}
 * @param addressClass the class ({@link AddressClass}) of the address concerned: the sender at MAIL, the recipient at
 *     RCPT, the sender's and every recipient's for DATA and fate
 * @param what the command or the copies, as sent
 * @param james James's answer as signatures hold it: the code and enhanced status, or the copies in outline
 * @param postfix Postfix's, likewise
 * @param places for a fate, where one server put copies that the other did not, by kind of place, without the
 *     envelope recipients: {@code james P | postfix Q}; for a reply, {@code james} and {@code postfix} as they are
 * @param detail both answers in full, for people
 * @param knownDifference the known difference that explains it, if one does
 */
record Divergence(String stage, ClientSide client, String addressClass, String what, String james, String postfix,
        String places, String detail, Optional<KnownDifference> knownDifference) {
    /**
     * What makes two divergences the same finding: where, from which side, for which class of address, and what each
     * server answered; not the names, lengths or bytes the grammar chose.
     */
    String signature() {
        return stage + " | " + client.side() + " | " + addressClass + " | james " + james + " | postfix " + postfix;
    }

    /**
     * The answers alone, by which a build recognises an open finding: the stage, the side, and the replies, or for a
     * fate the kinds of place where the servers differ; not the address's class, the mailbox names, the number of
     * copies nor the envelope recipients at the places.
     */
    String answers() {
        return stage + " | " + client.side() + " | " + places;
    }

    Divergence explainedBy(KnownDifference difference) {
        return new Divergence(stage, client, addressClass, what, james, postfix, places, detail,
            Optional.of(difference));
    }

    String text() {
        return stage + " " + what + ": " + detail
            + knownDifference.map(difference -> " (known difference " + difference.id() + ")").orElse("");
    }
}
