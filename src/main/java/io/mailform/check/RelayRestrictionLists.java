package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.postfix.RelayDecision;
import io.mailform.postfix.RelayRestrictions;
import io.mailform.postfix.Restriction;
import io.mailform.postfix.RestrictionEffect;
import io.mailform.postfix.RestrictionList;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;

/**
 * smtpd_relay_restrictions and smtpd_recipient_restrictions under {@code postfix:}, read as smtpd reads them
 * ({@link RelayRestrictions}): what follows an unconditional permit is ignored; without a working instance of
 * reject_unauth_destination, defer_unauth_destination, reject, defer, defer_if_permit or check_relay_domains smtpd
 * refuses to serve at the first connection; and lists that let a client outside networks, not logged in, send to any
 * domain make an open relay. A lookup table or policy service that may answer OK cannot be judged here.
 */
final class RelayRestrictionLists implements Rule {
    private static final String WORKING = "reject_unauth_destination, defer_unauth_destination, reject, defer, "
            + "defer_if_permit or check_relay_domains";

    @Override
    public Reads reads() {
        return Reads.whole(Part.POSTFIX);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        String relayPointer = Pointers.of("postfix", RelayRestrictions.RELAY);
        String recipientPointer = Pointers.of("postfix", RelayRestrictions.RECIPIENT);
        boolean relayWritten = findings.isWritten(relayPointer);
        boolean recipientWritten = findings.isWritten(recipientPointer);
        if (!relayWritten && !recipientWritten) {
            return;
        }
        RelayRestrictions restrictions = RelayRestrictions.of(system);
        ignored(restrictions.relay(), RelayRestrictions.RELAY, relayPointer, relayWritten, findings);
        ignored(restrictions.recipient(), RelayRestrictions.RECIPIENT, recipientPointer, recipientWritten, findings);
        String at = relayWritten ? relayPointer : recipientPointer;
        if (!restrictions.hasWorkingInstance()) {
            findings.atValue(Code.RESTRICTIONS_REFUSED, at, "smtpd refuses these restrictions and every SMTP "
                    + "connection fails: neither " + RelayRestrictions.RELAY + " nor " + RelayRestrictions.RECIPIENT
                    + " reaches a working instance of " + WORKING,
                    "end " + RelayRestrictions.RELAY + " with defer_unauth_destination, as Debian's "
                            + RestrictionList.DEBIAN_RELAY_RESTRICTIONS + " does");
            return;
        }
        RelayDecision stranger = restrictions.decide(false, false, false);
        List<Restriction> deciding = stranger.unjudged().stream()
                .filter(restriction -> restriction.effect() != RestrictionEffect.MAY_REFUSE).toList();
        if (!deciding.isEmpty()) {
            findings.atValue(Code.RESTRICTIONS_UNJUDGED, at, "whether a client outside networks may relay depends "
                    + "on " + deciding + ", which mailform cannot read", "make sure the table or service never "
                    + "answers OK for mail to other domains, or end the list with defer_unauth_destination before it");
        } else if (stranger.permitted()) {
            findings.atValue(Code.RESTRICTIONS_OPEN_RELAY, at, "open relay: with these restrictions a client "
                    + "outside networks, not logged in, may send mail to any domain through this host",
                    "keep defer_unauth_destination (or reject_unauth_destination) before any permit that does not "
                            + "depend on the client, as in Debian's " + RestrictionList.DEBIAN_RELAY_RESTRICTIONS);
        }
    }

    private static void ignored(RestrictionList list, String name, String pointer, boolean written,
            Findings findings) {
        if (written && !list.ignored().isEmpty()) {
            findings.atValue(Code.RESTRICTION_IGNORED, pointer, name + ": " + list.ignored()
                    + " after an unconditional permit is ignored", "move the restrictions before permit, or drop "
                    + "them: smtpd stops at permit");
        }
    }
}
