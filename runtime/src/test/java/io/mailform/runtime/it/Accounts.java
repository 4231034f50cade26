package io.mailform.runtime.it;

import java.util.List;

import io.mailform.postfix.SystemAccounts;

/** The accounts a compiled system has besides its users: Debian's system accounts, root mostly taken by an alias. */
final class Accounts {
    static final List<String> SYSTEM_WITHOUT_ROOT =
        SystemAccounts.NAMES.stream().filter(name -> !name.equals("root")).toList();

    private Accounts() {
    }
}
