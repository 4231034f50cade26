package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/**
 * The system accounts local(8) delivers to. Accounts that exist already are used as they are; the missing ones are
 * created as system accounts without a home or a login shell, and exactly those are removed again on close.
 */
final class SystemAccounts implements AutoCloseable {
    static final String NOT_ROOT = "a private Postfix instance needs root (to start postfix and to create the local "
            + "accounts it delivers to): run this test as root, e.g. sudo mvn -B -o test -Dtest=PostfixInstanceTest";

    private final PostfixTools tools;
    private final List<String> created = new ArrayList<>();

    private SystemAccounts(PostfixTools tools) {
        this.tools = tools;
    }

    /** The accounts, or a failed test that says how to run as root. */
    static SystemAccounts forRoot(PostfixTools tools) {
        PostfixTools.Result id = tools.run(List.of("id", "-u"));
        if (!id.stdout().strip().equals("0")) {
            fail(NOT_ROOT + " (running as uid " + id.stdout().strip() + ")");
        }
        return new SystemAccounts(tools);
    }

    void ensure(String... names) {
        for (String name : names) {
            if (tools.run(List.of("getent", "passwd", name)).exitCode() == 0) {
                continue;
            }
            PostfixTools.Result added = tools.run(List.of("useradd", "--system", "--no-create-home", "--shell",
                    "/usr/sbin/nologin", name));
            assertEquals(0, added.exitCode(), added::toString);
            created.add(name);
        }
    }

    @Override
    public void close() {
        List<String> failures = new ArrayList<>();
        for (String name : created) {
            PostfixTools.Result removed = tools.run(List.of("userdel", name));
            if (removed.exitCode() != 0) {
                failures.add(removed.toString());
            }
        }
        created.clear();
        if (!failures.isEmpty()) {
            fail("could not remove the accounts this test created:\n" + String.join("\n", failures));
        }
    }
}
