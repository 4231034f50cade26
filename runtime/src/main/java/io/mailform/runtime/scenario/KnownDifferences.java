package io.mailform.runtime.scenario;

import java.util.List;

import io.mailform.scenario.Case;

/**
 * The differences between James and Postfix that the runtime cannot close; the table "Known differences" of
 * docs/testing.md lists them with the same ids. Each entry says which cases and mismatches it explains, so that nothing else is excused.
 */
final class KnownDifferences {
    static final KnownDifference LITERAL_BRACKETS = new KnownDifference("KD1",
        "James drops the brackets of an address literal: the next hop gets user@192.0.2.1 where Postfix sends "
            + "user@[192.0.2.1]",
        "James keeps a domain literal as a bare address in its MailAddress, and its RemoteDelivery writes it so",
        (item, mismatches) -> sendsToLiterals(item) && mismatches.stream().allMatch(mismatch ->
            mismatch.matches("(missing|unexpected): sink .*")));

    static final KnownDifference OWN_ADDRESS_LITERAL = new KnownDifference("KD2",
        "Postfix takes an address literal of one of the host's own addresses (user@[127.0.0.1]) as local; James "
            + "takes no literal as local",
        "which addresses are the host's own is known on the host only: the description does not name them, and "
            + "James's domain list holds names",
        (item, mismatches) -> sendsToLiterals(item) && mismatches.stream().anyMatch(mismatch ->
            mismatch.matches("RCPT [^ ]*@\\[[^ ]*: .*")));

    static final List<KnownDifference> ALL = List.of(LITERAL_BRACKETS, OWN_ADDRESS_LITERAL);

    private KnownDifferences() {
    }

    /** True when every recipient of the case is an address literal, so its mismatches all stem from literals. */
    private static boolean sendsToLiterals(Case item) {
        return item.send().to().stream().allMatch(recipient -> recipient.contains("@["));
    }
}
