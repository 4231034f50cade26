package io.mailform.postfix;

import java.util.Locale;
import java.util.Set;

/**
 * The local parts Postfix keeps for itself: postmaster, MAILER-DAEMON and double-bounce. smtpd accepts them in every
 * local domain whatever local_recipient_maps says, recipient_delimiter never splits them, and mail for one that no
 * alias takes is discarded (by qmgr for double-bounce, by local(8) with "required alias not found" for the others).
 */
public final class ReservedNames {
    private static final Set<String> NAMES = Set.of("postmaster", "mailer-daemon", "double-bounce");

    private ReservedNames() {
    }

    /** In any case, as Postfix compares them. */
    public static boolean isReserved(String localPart) {
        return NAMES.contains(localPart.toLowerCase(Locale.ROOT));
    }
}
