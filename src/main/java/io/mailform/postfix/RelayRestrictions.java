package io.mailform.postfix;

import io.mailform.delivery.Reply;
import io.mailform.model.MailSystem;
import io.mailform.model.PostfixParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two lists that decide relaying, as the compiled main.cf sets them: smtpd_relay_restrictions (Debian's
 * {@value RestrictionList#DEBIAN_RELAY_RESTRICTIONS} unless {@code postfix:} replaces it) and
 * smtpd_recipient_restrictions (empty unless {@code postfix:} sets it). smtpd evaluates both for every RCPT: a
 * permit ends one list only, a refusal in either refuses the recipient. The one reading of them for the semantic
 * rules and the oracle.
 */
public record RelayRestrictions(RestrictionList relay, RestrictionList recipient) {
    public static final String RELAY = "smtpd_relay_restrictions";
    public static final String RECIPIENT = "smtpd_recipient_restrictions";

    public static RelayRestrictions of(MailSystem system) {
        return new RelayRestrictions(
                passthrough(system, RELAY).map(RestrictionList::parse)
                        .orElse(RestrictionList.parse(RestrictionList.DEBIAN_RELAY_RESTRICTIONS)),
                passthrough(system, RECIPIENT).map(RestrictionList::parse).orElse(RestrictionList.empty()));
    }

    private static Optional<String> passthrough(MailSystem system, String name) {
        return system.postfixParameters().stream().filter(parameter -> parameter.name().equals(name))
                .map(PostfixParameter::value).reduce((first, last) -> last);
    }

    /**
     * True when a restriction Postfix counts as a working instance is reached in either list; without one, smtpd
     * refuses to serve ("specify at least one working instance of ...") and every connection dies.
     */
    public boolean hasWorkingInstance() {
        return hasWorkingInstance(relay) || hasWorkingInstance(recipient);
    }

    private static boolean hasWorkingInstance(RestrictionList list) {
        return list.effective().stream().anyMatch(restriction -> restriction.effect().isWorkingInstance());
    }

    /**
     * The decision for one recipient.
     *
     * @param inside the client's address lies in mynetworks
     * @param loggedIn the client logged in with SASL, and smtpd offers SASL
     * @param localDestination the recipient resolves to a domain this system delivers itself
     */
    public RelayDecision decide(boolean inside, boolean loggedIn, boolean localDestination) {
        List<Restriction> unjudged = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        for (String name : List.of(RELAY, RECIPIENT)) {
            RestrictionList list = name.equals(RELAY) ? relay : recipient;
            Optional<RelayDecision.Refusal> refusal = evaluate(name, list, inside, loggedIn, localDestination,
                    unjudged, steps);
            if (refusal.isPresent()) {
                return new RelayDecision(refusal, unjudged, steps);
            }
        }
        return new RelayDecision(Optional.empty(), unjudged, steps);
    }

    private static Optional<RelayDecision.Refusal> evaluate(String name, RestrictionList list, boolean inside,
            boolean loggedIn, boolean localDestination, List<Restriction> unjudged, List<String> steps) {
        for (Restriction restriction : list.effective()) {
            switch (restriction.effect()) {
                case PERMIT -> {
                    steps.add(name + ": " + restriction + " permits");
                    return Optional.empty();
                }
                case PERMIT_IF_INSIDE, PERMIT_IF_LOGGED_IN, PERMIT_IF_LOCAL_DESTINATION -> {
                    boolean applies = switch (restriction.effect()) {
                        case PERMIT_IF_INSIDE -> inside;
                        case PERMIT_IF_LOGGED_IN -> loggedIn;
                        default -> localDestination;
                    };
                    if (applies) {
                        steps.add(name + ": " + restriction + " permits");
                        return Optional.empty();
                    }
                }
                case REFUSE -> {
                    steps.add(name + ": " + restriction + " refuses");
                    return Optional.of(new RelayDecision.Refusal(name, restriction, refusal(restriction)));
                }
                case REFUSE_IF_NOT_LOCAL_DESTINATION -> {
                    if (!localDestination) {
                        steps.add(name + ": " + restriction + " refuses: the destination is not local");
                        return Optional.of(new RelayDecision.Refusal(name, restriction, refusal(restriction)));
                    }
                }
                case MAY_PERMIT, MAY_REFUSE, UNKNOWN -> unjudged.add(restriction);
                case LISTED_RECIPIENT -> {
                    // local_recipient_maps: judged as smtpd_reject_unlisted_recipient is, after these lists.
                }
            }
        }
        steps.add(name + ": " + (list.restrictions().isEmpty() ? "empty" : "ends") + " without refusing");
        return Optional.empty();
    }

    /** The reply of each refusing restriction, as a private Postfix 3.7.11 gave it with its default codes. */
    private static Reply refusal(Restriction restriction) {
        return switch (restriction.name().toLowerCase(Locale.ROOT)) {
            case "defer_unauth_destination" -> Reply.of(454, "4.7.1", "Relay access denied");
            case "reject_unauth_destination", "check_relay_domains" -> Reply.of(554, "5.7.1", "Relay access denied");
            case "defer" -> Reply.of(450, "4.3.2", "Recipient address rejected: Try again later");
            case "defer_if_permit" -> Reply.of(450, "4.7.0", "Recipient address rejected: defer_if_permit requested");
            default -> Reply.of(554, "5.7.1", "Recipient address rejected: Access denied");
        };
    }
}
