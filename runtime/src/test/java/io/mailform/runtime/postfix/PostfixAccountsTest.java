package io.mailform.runtime.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mailform.runtime.scenario.Deliveries;
import io.mailform.runtime.scenario.Ledger;
import io.mailform.runtime.scenario.Ledger.Place;
import io.mailform.runtime.scenario.Sent;
import io.mailform.runtime.scenario.SmtpSession;

/** The system accounts a description needs are made for the instance, and the host is left as found after it. */
class PostfixAccountsTest {
    private static final List<String> NEW = List.of("mfnewuser", "mfaliased");

    @Test
    void missingAccountsAreCreatedForLocalDeliveryAndRemovedAtClose() throws Exception {
        for (String account : NEW) {
            assertFalse(SystemAccounts.exists(account), account + " must not exist before the test");
        }
        Ledger ledger = new Ledger();
        RunningPostfix postfix = PostfixRuntime.start(PostfixOptions.of(
            PostfixInstanceTest.testDescription("new-accounts")));
        Path instance = postfix.instanceDirectory();
        Path conf = postfix.configDirectory();
        try {
            assertEquals(NEW, postfix.createdAccounts());
            for (String account : NEW) {
                assertTrue(SystemAccounts.exists(account), account);
            }
            Sent user = SmtpSession.send(postfix, "someone@remote.example", "user", "mfnewuser@example.org");
            Sent alias = SmtpSession.send(postfix, "someone@remote.example", "alias", "operations@example.org");
            Sent root = SmtpSession.send(postfix, "someone@remote.example", "root", "root@example.org");
            ledger.delivered(user, Place.mailbox("mfnewuser"));
            ledger.delivered(alias, Place.mailbox("mfaliased"));
            ledger.delivered(root, Place.mailbox("mfnewuser"));
            Deliveries.inMailbox(postfix, "mfaliased", alias);
            assertFalse(InstanceProcesses.of(conf).isEmpty(), "Postfix runs");
            ledger.assertBalanced(postfix);
            assertEquals(NEW.stream().sorted().toList(), postfix.accountsWithMail());
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
        RunningPostfix postfix = PostfixRuntime.start(PostfixOptions.of(PostfixInstanceTest.example("internet-site")));
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
}
