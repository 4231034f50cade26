package io.mailform.runtime.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The system accounts a description needs are made for the instance, and the host is left as found after it. That
 * local(8) delivers to them while they exist is for the cases of descriptions/new-accounts.yaml, which the suite runs.
 */
class PostfixAccountsTest {
    private static final List<String> NEW = List.of("mfnewuser", "mfaliased");

    @Test
    void missingAccountsAreCreatedWhileTheInstanceRunsAndRemovedAtClose() throws Exception {
        for (String account : NEW) {
            assertFalse(SystemAccounts.exists(account), account + " must not exist before the test");
        }
        RunningPostfix postfix = PostfixRuntime.start(PostfixOptions.of(
            Path.of("src/test/resources/descriptions/new-accounts.yaml")));
        Path instance = postfix.instanceDirectory();
        Path conf = postfix.configDirectory();
        try {
            assertEquals(NEW, postfix.createdAccounts());
            for (String account : NEW) {
                assertTrue(SystemAccounts.exists(account), account);
            }
            assertFalse(InstanceProcesses.of(conf).isEmpty(), "Postfix runs");
        } finally {
            postfix.close();
        }
        for (String account : NEW) {
            assertFalse(SystemAccounts.exists(account), account + " is removed again");
        }
        assertEquals(List.of(), InstanceProcesses.of(conf), "no process of the instance is left");
        assertFalse(Files.exists(instance), "the instance's directory is deleted");
    }

    @Test
    void accountsThatExistAreUsedAndKept() throws Exception {
        List<String> accounts = List.of("alice", "bob");
        List<String> existing = new ArrayList<>();
        for (String account : accounts) {
            if (SystemAccounts.exists(account)) {
                existing.add(account);
            }
        }
        RunningPostfix postfix = PostfixRuntime.start(PostfixOptions.of(Path.of("../examples/internet-site.yaml")));
        try {
            assertEquals(accounts.stream().filter(account -> !existing.contains(account)).toList(),
                postfix.createdAccounts());
        } finally {
            postfix.close();
        }
        for (String account : accounts) {
            assertEquals(existing.contains(account), SystemAccounts.exists(account), account);
        }
    }

    @Test
    void twoInstancesShareTheAccountsTheyAddAndTheLastOneRemovesThem() throws Exception {
        for (String account : NEW) {
            assertFalse(SystemAccounts.exists(account), account + " must not exist before the test");
        }
        Path description = Path.of("src/test/resources/descriptions/new-accounts.yaml");
        RunningPostfix first = PostfixRuntime.start(PostfixOptions.of(description));
        try {
            RunningPostfix second = PostfixRuntime.start(PostfixOptions.of(description));
            try {
                assertEquals(NEW, second.createdAccounts(), "the second instance shares what the first added");
            } finally {
                second.close();
            }
            for (String account : NEW) {
                assertTrue(SystemAccounts.exists(account), account + " stays while the first instance runs");
            }
        } finally {
            first.close();
        }
        for (String account : NEW) {
            assertFalse(SystemAccounts.exists(account), account + " is removed by the last instance");
        }
    }

    @Test
    void anAccountLeftByAnInstanceThatDiedIsTakenOverAndRemoved() throws Exception {
        String account = NEW.get(0);
        assertFalse(SystemAccounts.exists(account), account + " must not exist before the test");
        assertTrue(SharedAccounts.take(account));
        // As if the instance died: its lock goes with its JVM, the account and its mark stay.
        SharedAccounts.forget(account);
        assertTrue(SystemAccounts.exists(account));
        RunningPostfix postfix = PostfixRuntime.start(PostfixOptions.of(
            Path.of("src/test/resources/descriptions/new-accounts.yaml")));
        try {
            assertEquals(NEW, postfix.createdAccounts());
        } finally {
            postfix.close();
        }
        assertFalse(SystemAccounts.exists(account), account + " is removed by the instance that took it over");
    }
}
