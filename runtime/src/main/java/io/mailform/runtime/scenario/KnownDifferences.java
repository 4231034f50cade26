package io.mailform.runtime.scenario;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailform.runtime.smtp.PostfixRcptCmdHandler;
import io.mailform.scenario.Case;

/**
 * The differences between James and Postfix that the runtime cannot close; the table "Known differences" of
 * docs/testing.md lists them with the same ids. Each entry says which cases and mismatches it explains, so that nothing else is excused.
 */
public final class KnownDifferences {
    /** A quoted local part of atom characters, at least one outside ASCII. */
    private static final Pattern EIGHT_BIT_QUOTED_PART = Pattern.compile(
        "\"([^\"\\\\\\s()<>\\[\\],;:@]*[^\\x00-\\x7F][^\"\\\\\\s()<>\\[\\],;:@]*)\"@");

    public static final KnownDifference LITERAL_BRACKETS = new KnownDifference("KD1",
        "James drops the brackets of an address literal: the next hop gets user@192.0.2.1 where Postfix sends "
            + "user@[192.0.2.1]",
        "James keeps a domain literal as a bare address in its MailAddress, and its RemoteDelivery writes it so",
        (item, mismatches) -> sendsToLiterals(item) && mismatches.stream().allMatch(mismatch ->
            mismatch.matches("(missing|unexpected): sink .*")));

    public static final KnownDifference OWN_ADDRESS_LITERAL = new KnownDifference("KD2",
        "Postfix takes an address literal of one of the host's own addresses (user@[127.0.0.1]) as local; James "
            + "takes no literal as local",
        "which addresses are the host's own is known on the host only: the description does not name them, and "
            + "James's domain list holds names",
        (item, mismatches) -> sendsToLiterals(item) && mismatches.stream().anyMatch(mismatch ->
            mismatch.matches("RCPT [^ ]*@\\[[^ ]*: .*")));

    public static final KnownDifference ADDRESS_JAMES_CANNOT_HOLD = new KnownDifference("KD3",
        "James cannot hold some addresses Postfix takes: a local part with two dots in a row or an empty one (even "
            + "quoted), a domain with an underscore or outside ASCII, a top-level label of digits, an IPv6 address "
            + "literal, a name over 253 characters, a recipient whose local part holds an @, a quoted local part "
            + "ending in an escaped backslash; the runtime refuses them exactly where Postfix does, and answers "
            + "553 with \"" + PostfixRcptCmdHandler.CANNOT_HOLD + "\" where Postfix takes one",
        "James's MailAddress and Domain refuse these forms and every part of James carries addresses as MailAddress; "
            + "its recipient rewrite table takes a local part for a user name, which may hold no @, and javax.mail, "
            + "by which it sends mail on, cannot read the last form",
        KnownDifferences::onlyAddressesJamesCannotHold);

    public static final KnownDifference EIGHT_BIT_QUOTED = new KnownDifference("KD4",
        "James writes a local part with characters outside ASCII as a quoted string: the next hop gets "
            + "\"jörg\"@remote.test where Postfix sends jörg@remote.test, the same mailbox",
        "James's MailAddress holds such a local part only quoted, and its RemoteDelivery writes it so",
        KnownDifferences::onlyEightBitLocalPartsQuoted);

    public static final List<KnownDifference> ALL = List.of(LITERAL_BRACKETS, OWN_ADDRESS_LITERAL,
        ADDRESS_JAMES_CANNOT_HOLD, EIGHT_BIT_QUOTED);

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

    /**
     * True when the mismatches are copies at next hops only, and James's unexpected ones are exactly the missing ones
     * with a local part outside ASCII quoted.
     */
    private static boolean onlyEightBitLocalPartsQuoted(Case item, List<String> mismatches) {
        if (!sendsToEightBitLocalParts(item) || mismatches.isEmpty()
                || !mismatches.stream().allMatch(mismatch -> mismatch.matches("(missing|unexpected): sink .*"))) {
            return false;
        }
        List<String> missing = mismatches.stream().filter(mismatch -> mismatch.startsWith("missing: "))
            .map(mismatch -> withoutNotes(mismatch.substring("missing: ".length()))).sorted().toList();
        List<String> unexpected = mismatches.stream().filter(mismatch -> mismatch.startsWith("unexpected: "))
            .map(mismatch -> withoutNotes(EIGHT_BIT_QUOTED_PART.matcher(mismatch.substring("unexpected: ".length()))
                .replaceAll(match -> Matcher.quoteReplacement(match.group(1)) + "@")))
            .sorted().toList();
        return missing.equals(unexpected);
    }

    /** A copy without what an arrival adds in parentheses (TLS, a login), which an expected copy does not name. */
    private static String withoutNotes(String copy) {
        return copy.replaceFirst(" \\([^()]*\\)$", "");
    }


    /** True when a recipient of the case has a local part with a character outside ASCII. */
    private static boolean sendsToEightBitLocalParts(Case item) {
        return item.send().to().stream().anyMatch(recipient -> {
            int at = recipient.lastIndexOf('@');
            return (at < 0 ? recipient : recipient.substring(0, at)).chars().anyMatch(c -> c > 127);
        });
    }

    /** True when every recipient of the case is an address literal, so its mismatches all stem from literals. */
    private static boolean sendsToLiterals(Case item) {
        return item.send().to().stream().allMatch(recipient -> recipient.contains("@["));
    }
}
