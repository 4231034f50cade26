package io.mailform.runtime.scenario;

import java.util.List;

import io.mailform.runtime.smtp.PostfixRcptCmdHandler;
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

    static final KnownDifference ADDRESS_JAMES_CANNOT_HOLD = new KnownDifference("KD3",
        "James cannot hold some addresses Postfix takes: a local part with two dots in a row or an empty one (even "
            + "quoted), a domain with an underscore or outside ASCII, a top-level label of digits, an IPv6 address "
            + "literal, a name over 253 characters; the runtime refuses them exactly where Postfix does, and answers "
            + "553 with \"" + PostfixRcptCmdHandler.CANNOT_HOLD + "\" where Postfix takes one",
        "James's MailAddress and Domain refuse these forms and every part of James carries addresses as MailAddress",
        KnownDifferences::onlyAddressesJamesCannotHold);

    static final List<KnownDifference> ALL = List.of(LITERAL_BRACKETS, OWN_ADDRESS_LITERAL,
        ADDRESS_JAMES_CANNOT_HOLD);

    /**
     * True when James refused the sender, or every recipient, as an address it cannot hold, and the mismatches are
     * only those refusals and what follows from them: no reply later in the transaction, copies that never came.
     * A copy that arrived where Postfix's did not is never excused.
     */
    private static boolean onlyAddressesJamesCannotHold(Case item, List<String> mismatches) {
        String cannotHold = PostfixRcptCmdHandler.CANNOT_HOLD;
        long recipientsRefused = mismatches.stream()
            .filter(mismatch -> mismatch.contains(cannotHold) && mismatch.matches("(message \\d+: )?RCPT .*"))
            .count();
        boolean senderRefused = mismatches.stream()
            .anyMatch(mismatch -> mismatch.contains(cannotHold) && mismatch.matches("(message \\d+: )?MAIL: .*"));
        boolean allRefused = senderRefused || recipientsRefused >= item.send().to().size();
        return allRefused && mismatches.stream().allMatch(mismatch -> mismatch.contains(cannotHold)
            || mismatch.startsWith("missing: ") || mismatch.endsWith(", got no reply"));
    }

    private KnownDifferences() {
    }

    /** True when every recipient of the case is an address literal, so its mismatches all stem from literals. */
    private static boolean sendsToLiterals(Case item) {
        return item.send().to().stream().allMatch(recipient -> recipient.contains("@["));
    }
}
