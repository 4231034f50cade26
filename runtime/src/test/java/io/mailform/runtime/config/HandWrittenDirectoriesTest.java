package io.mailform.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.scenario.ScenarioCases;
import io.mailform.runtime.server.MailSystemRuntime;
import io.mailform.runtime.server.RunningMailSystem;
import io.mailform.runtime.server.RuntimeOptions;

/**
 * The hand-written directories under systems/ (runtime/CONFIG.md) started on James as compiled directories, which
 * keeps the runtime's directory support tested without the compiler. Each runs the cases of the description it
 * stands for (which the suite runs on both servers compiled), judged by what they expect: the oracle reads that
 * description, not the directory. Then what only the directory says is read back: its passwords.
 */
class HandWrittenDirectoriesTest {
    private static final Path RESOURCES = Path.of("src/test/resources");

    private static RunningMailSystem start(String directory) throws StartupException {
        return MailSystemRuntime.start(RuntimeOptions.sandboxed(RESOURCES.resolve("systems").resolve(directory)));
    }

    /** The engine reads the mailboxes over IMAP, so the cases pass only if the passwords of provisioning.json work. */
    @Test
    void internetSiteRunsItsCasesAndCarolsOwnQuotaWithTheImapPasswordsOfProvisioning() throws Exception {
        try (RunningMailSystem james = start("internet-site")) {
            assertEquals(List.of("alice", "bob", "carol"), james.accounts());
            assertEquals("alice-imap-secret", james.password("alice"));
            ScenarioCases.assertPassedOnTheServers(ScenarioCases.run(james, List.of(
                RESOURCES.resolve("scenarios/systems-internet-site.yaml"),
                RESOURCES.resolve("systems/internet-site-only.yaml"))));
        }
    }

    @Test
    void smarthostRoutesRunsItsCasesAndLogsInWithThePasswordOfItsMailetContainer() throws Exception {
        try (RunningMailSystem james = start("smarthost-routes")) {
            ScenarioCases.assertPassedOnTheServers(ScenarioCases.run(james, List.of(
                RESOURCES.resolve("scenarios/systems-smarthost-routes.yaml"))));
            List<CapturedMessage> smarthost = james.sink("smtp.isp.example:587").messages();
            assertEquals(3, smarthost.size());
            for (CapturedMessage captured : smarthost) {
                assertEquals(Optional.of("isp-secret"), captured.authPassword());
                assertEquals("mail.example.net", captured.helo());
                // The mail name qualifies a bare sender; it is not a local domain here.
                boolean bare = ScenarioCases.isCopyOf("a bare sender is qualified with the mail name and relayed",
                    captured.text());
                assertEquals(bare ? "root@example.net" : "alice@example.net", captured.sender());
            }
        }
    }
}
