package io.mailform.postfix;

import java.util.Locale;
import java.util.Set;

/**
 * What a restriction does to the question "may this client send to this recipient?", as postconf(5) documents each.
 * The ones that decide by a lookup, a policy service or DNS cannot be judged from the description.
 */
public enum RestrictionEffect {
    /** {@code permit}: ends the list; what follows is ignored. */
    PERMIT,
    /** {@code permit_mynetworks}. */
    PERMIT_IF_INSIDE,
    /** {@code permit_sasl_authenticated}. */
    PERMIT_IF_LOGGED_IN,
    /** {@code permit_auth_destination}. */
    PERMIT_IF_LOCAL_DESTINATION,
    /** {@code reject}, {@code defer}, {@code defer_if_permit}. */
    REFUSE,
    /** {@code reject_unauth_destination}, {@code defer_unauth_destination}, {@code check_relay_domains}. */
    REFUSE_IF_NOT_LOCAL_DESTINATION,
    /** A table lookup, policy service or allow list whose answer may be OK: only the data knows. */
    MAY_PERMIT,
    /** A check that may refuse, by DNS or by rules the oracle does not model, and never permits. */
    MAY_REFUSE,
    /** The recipient check the oracle models on its own (local_recipient_maps). */
    LISTED_RECIPIENT,
    /** A name Postfix 3.7 does not document: a restriction class of the site's own, or a typo. */
    UNKNOWN;

    private static final Set<String> REFUSING = Set.of("reject", "defer", "defer_if_permit");
    private static final Set<String> UNAUTH = Set.of("reject_unauth_destination", "defer_unauth_destination",
            "check_relay_domains");
    private static final Set<String> PERMITTING_LISTS = Set.of("permit_dnswl_client", "permit_rhswl_client",
            "permit_tls_clientcerts", "permit_tls_all_clientcerts", "permit_inet_interfaces", "permit_mx_backup",
            "permit_naked_ip_address");

    static RestrictionEffect of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("permit")) {
            return PERMIT;
        }
        if (lower.equals("permit_mynetworks")) {
            return PERMIT_IF_INSIDE;
        }
        if (lower.equals("permit_sasl_authenticated")) {
            return PERMIT_IF_LOGGED_IN;
        }
        if (lower.equals("permit_auth_destination")) {
            return PERMIT_IF_LOCAL_DESTINATION;
        }
        if (REFUSING.contains(lower)) {
            return REFUSE;
        }
        if (UNAUTH.contains(lower)) {
            return REFUSE_IF_NOT_LOCAL_DESTINATION;
        }
        if (lower.equals("reject_unlisted_recipient")) {
            return LISTED_RECIPIENT;
        }
        if (lower.startsWith("check_") || PERMITTING_LISTS.contains(lower) || lower.equals("warn_if_reject")) {
            return MAY_PERMIT;
        }
        if (lower.startsWith("reject_") || lower.startsWith("defer_")) {
            return MAY_REFUSE;
        }
        return UNKNOWN;
    }

    /** The restrictions Postfix counts as a working instance: one of them must be reached, or smtpd refuses to run. */
    public boolean isWorkingInstance() {
        return this == REFUSE || this == REFUSE_IF_NOT_LOCAL_DESTINATION;
    }
}
