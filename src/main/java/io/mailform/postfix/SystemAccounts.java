package io.mailform.postfix;

import java.util.List;
import java.util.Locale;

/**
 * The accounts every Debian 12 host with Postfix has: base-passwd's system users and the {@code postfix} user the
 * package adds. Postfix's local_recipient_maps (proxy:unix:passwd.byname $alias_maps) accepts mail for each of them,
 * and local(8) delivers it to a mailbox of that name unless an alias sends it elsewhere. The one list for the
 * semantic rules and the James target.
 */
public final class SystemAccounts {
    /** In /etc/passwd order. */
    public static final List<String> NAMES = List.of(
            "root", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy",
            "www-data", "backup", "list", "irc", "_apt", "nobody", "postfix");

    private SystemAccounts() {
    }

    /** True for a system account, in any case: local(8) folds the name before it looks it up. */
    public static boolean contains(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }
}
