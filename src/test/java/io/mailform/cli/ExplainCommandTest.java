package io.mailform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mailform explain}: the oracle's reasoning about one address, from the description alone. */
class ExplainCommandTest {
    private static final String SITE = "../examples/internet-site.yaml";

    @Test
    void explainsEveryStepAndTheReplyOnce() {
        CliRun run = CliRun.of("explain", SITE, "webmaster+tag@example.org", "--client", "outside");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("from a client at 203.0.113.77 (outside networks)"), run.out());
        assertTrue(run.out().contains("without its extension \"webmaster\" is an alias"), run.out());
        assertEquals(List.of("    reply: 250 2.1.5 Ok"), replies(run), run.out());
        assertTrue(run.out().endsWith("\ncopies: mailbox alice; mailbox bob\n"), run.out());
    }

    @Test
    void relayingFromOutsideIsDeferred() {
        CliRun run = CliRun.of("explain", SITE, "\"friend@remote.example\"@example.org", "--client", "outside");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("the address routes on to another domain"), run.out());
        assertTrue(run.out().contains("defer_unauth_destination refuses"), run.out());
        assertEquals(1, replies(run).size(), run.out());
        assertTrue(replies(run).get(0).startsWith("    reply: 454 4.7.1"), run.out());
    }

    @Test
    void aSenderSmtpdCannotReadIsRefusedAtMailWithOneReply() {
        CliRun run = CliRun.of("explain", SITE, "alice@example.org", "--from", "a b@b.example");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals(List.of("  reply: 501 5.1.7 Bad sender address syntax"), replies(run), run.out());
    }

    /** Next hops are named as Postfix has them, never by the capture sinks that stand in for them in the runtime. */
    @Test
    void aClientInsideRelaysThroughTheSmarthostWithItsLogin() {
        CliRun run = CliRun.of("explain", "../examples/full.yaml", "friend@remote.example", "--client", "inside");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("remote.example is not a local domain: the relay host [smtp.example.net]:587 "
                + "(TLS encrypt, login example-org)"), run.out());
        assertTrue(run.out().contains("\n  friend@remote.example is sent to [smtp.example.net]:587\n"), run.out());
        assertTrue(run.out().endsWith("\ncopies: friend@remote.example to [smtp.example.net]:587 (TLS encrypt, login "
                + "example-org)\n"), run.out());
        assertFalse(run.out().contains("sink"), run.out());
    }

    @Test
    void aRouteAndDeliveryByMxLookupAreNamedAsSuch() {
        CliRun routed = CliRun.of("explain", "../examples/full.yaml", "list@lists.example.org", "--client", "inside");
        assertEquals(ExitCode.OK, routed.exitCode(), routed.err());
        assertTrue(routed.out().contains("lists.example.org has a route to [lists.internal.example.org] (TLS may)"),
                routed.out());
        CliRun direct = CliRun.of("explain", SITE, "friend@remote.example", "--client", "inside");
        assertEquals(ExitCode.OK, direct.exitCode(), direct.err());
        assertTrue(direct.out().contains("remote.example is not a local domain: delivery by MX lookup (TLS may)"),
                direct.out());
        assertTrue(direct.out().endsWith("\ncopies: friend@remote.example by MX lookup (TLS may)\n"), direct.out());
        for (CliRun run : List.of(routed, direct)) {
            assertFalse(run.out().contains("sink"), run.out());
        }
    }

    @Test
    void anAliasForwardsToItsNextHop() {
        CliRun run = CliRun.of("explain", "../examples/full.yaml", "sales@example.org", "--client", "inside");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("orders@example.com: forwarded to [smtp.example.net]:587\n"), run.out());
        assertTrue(run.out().endsWith("\ncopies: mailbox carol; orders@example.com to [smtp.example.net]:587 (TLS "
                + "encrypt, login example-org)\n"), run.out());
        assertFalse(run.out().contains("sink"), run.out());
    }

    private static List<String> replies(CliRun run) {
        return run.out().lines().filter(line -> line.strip().startsWith("reply:")).toList();
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
