package io.mailform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code mailform explain}: the oracle's reasoning about one address, from the description alone. */
class ExplainCommandTest {
    private static final String SITE = "../examples/internet-site.yaml";

    @Test
    void explainsEveryStepAndTheReply() {
        CliRun run = CliRun.of("explain", SITE, "webmaster+tag@example.org", "--client", "outside");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("from a client at 203.0.113.77 (outside networks)"), run.out());
        assertTrue(run.out().contains("without its extension \"webmaster\" is an alias"), run.out());
        assertTrue(run.out().contains("reply: 250 2.1.5 Ok"), run.out());
        assertTrue(run.out().contains("copies: mailbox alice; mailbox bob"), run.out());
    }

    @Test
    void relayingFromOutsideIsDeferred() {
        CliRun run = CliRun.of("explain", SITE, "\"friend@remote.example\"@example.org", "--client", "outside");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("the address routes on to another domain"), run.out());
        assertTrue(run.out().contains("defer_unauth_destination refuses"), run.out());
        assertTrue(run.out().contains("reply: 454 4.7.1"), run.out());
    }

    @Test
    void aClientInsideRelaysThroughTheSmarthostWithItsLogin() {
        CliRun run = CliRun.of("explain", "../examples/full.yaml", "friend@remote.example", "--client", "inside");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("copies: sink smtp.example.net:587 for friend@remote.example (TLS, login "
                + "example-org)"), run.out());
    }

    @Test
    void modeNoneHasNothingToExplain() {
        CliRun run = CliRun.of("explain", "../examples/none.yaml", "root@example.org");
        assertEquals(ExitCode.INVALID, run.exitCode());
        assertTrue(run.err().contains("mode none"), run.err());
    }

    @Test
    void aClientThatIsNoAddressIsAUsageError() {
        CliRun run = CliRun.of("explain", SITE, "alice@example.org", "--client", "somewhere");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("--client takes inside, outside or an IP address"), run.err());
    }
}
