package io.mailform.postfix;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The accounts every Debian 12 host with Postfix has: those of base-passwd, plus {@code postfix}, which the package
 * adds. Postfix's {@code local_recipient_maps} reads the password file, so mail for any of them is accepted and
 * delivered to a mailbox of that name unless an alias says otherwise; a description's users come on top.
 */
public final class SystemAccounts {
    /** base-passwd 3.6.1 (Debian 12) in its order, and the account the postfix package creates. */
    public static final List<String> DEBIAN = List.of("root", "daemon", "bin", "sys", "sync", "games", "man", "lp",
            "mail", "news", "uucp", "proxy", "www-data", "backup", "list", "irc", "_apt", "nobody", "postfix");

    private SystemAccounts() {
    }

    /** True for an account of {@link #DEBIAN}; Postfix compares local parts in lower case. */
    public static boolean isDebian(String name) {
        return DEBIAN.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The Debian accounts and {@code users}, each once, sorted. */
    public static Set<String> with(List<String> users) {
        Set<String> all = new TreeSet<>(DEBIAN);
        users.forEach(user -> all.add(user.toLowerCase(Locale.ROOT)));
        return all;
    }
}
