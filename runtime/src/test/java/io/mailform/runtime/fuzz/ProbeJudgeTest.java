package io.mailform.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mailform.delivery.Arrival;
import io.mailform.delivery.Outcome;
import io.mailform.delivery.Reply;
import io.mailform.runtime.scenario.KnownDifference;
import io.mailform.runtime.smtp.PostfixRcptCmdHandler;

/**
 * How two servers' outcomes of a probe are compared: what follows from an earlier difference is not reported again,
 * and KD1, KD2 and KD3 excuse exactly what docs/testing.md says of them.
 */
class ProbeJudgeTest {
    private static final Reply MAIL_OK = Reply.of(250, "2.1.0", "Ok");
    private static final Reply RCPT_OK = Reply.of(250, "2.1.5", "Ok");
    private static final Reply DATA_OK = Reply.of(250, "2.0.0", "Ok");
    private static final String SMARTHOST = "smtp.isp.example:587";

    @Test
    void aRefusedSenderIsOneDifferenceWhateverTheRecipientsGet() throws IOException {
        List<Divergence> divergences = judge().compare(
            probe(ClientSide.INSIDE, "<a..b@example.org>", "<ines@example.org>"),
            new Outcome(Reply.of(501, "5.1.7", "Bad sender address syntax"), List.of(), Optional.empty(), List.of()),
            new Outcome(MAIL_OK, List.of(RCPT_OK), Optional.of(DATA_OK), List.of(Arrival.inMailbox(
                Arrival.Kind.MESSAGE, "ines"))));
        assertEquals(List.of("MAIL | inside | dots name:unknown to:local | james 501 5.1.7 | postfix 250 2.1.0"),
            divergences.stream().map(Divergence::signature).toList());
    }

    @Test
    void bracketsDroppedAtTheNextHopAreKd1() throws IOException {
        Divergence fate = single(judge().compare(probe(ClientSide.INSIDE, "<ines@example.org>", "<a@[192.0.2.1]>"),
            relayed("a@192.0.2.1"), relayed("a@[192.0.2.1]")));
        assertEquals(Optional.of("KD1"), fate.knownDifference().map(KnownDifference::id));
    }

    @Test
    void anotherRecipientAtTheNextHopIsNoKnownDifference() throws IOException {
        Divergence fate = single(judge().compare(probe(ClientSide.INSIDE, "<ines@example.org>", "<a@[192.0.2.1]>"),
            relayed("b@192.0.2.1"), relayed("a@[192.0.2.1]")));
        assertEquals(Optional.empty(), fate.knownDifference());
    }

    @Test
    void theHostsOwnLiteralIsKd2AtRcptAndInTheFate() throws IOException {
        Probe probe = probe(ClientSide.OUTSIDE, "<someone@remote.example>", "<ines@[127.0.0.1]>");
        Divergence rcpt = single(judge().compare(probe,
            new Outcome(MAIL_OK, List.of(Reply.of(454, "4.7.1", "Relay access denied")), Optional.empty(), List.of()),
            new Outcome(MAIL_OK, List.of(RCPT_OK), Optional.of(DATA_OK), List.of(Arrival.inMailbox(
                Arrival.Kind.MESSAGE, "ines")))));
        assertEquals(Optional.of("KD2"), rcpt.knownDifference().map(KnownDifference::id));
        Divergence fate = single(judge().compare(probe(ClientSide.INSIDE, "<a@example.org>", "<ines@[127.0.0.1]>"),
            relayed("ines@127.0.0.1"), new Outcome(MAIL_OK, List.of(RCPT_OK), Optional.of(DATA_OK),
                List.of(Arrival.inMailbox(Arrival.Kind.MESSAGE, "ines")))));
        assertEquals(Optional.of("KD2"), fate.knownDifference().map(KnownDifference::id));
    }

    @Test
    void anotherLiteralIsNoKnownDifference() throws IOException {
        Divergence rcpt = single(judge().compare(probe(ClientSide.OUTSIDE, "<a@b.example>", "<ines@[127.0.0.2]>"),
            new Outcome(MAIL_OK, List.of(Reply.of(501, "5.1.3", "Bad recipient address syntax")), Optional.empty(),
                List.of()),
            new Outcome(MAIL_OK, List.of(Reply.of(454, "4.7.1", "Relay access denied")), Optional.empty(),
                List.of())));
        assertEquals(Optional.empty(), rcpt.knownDifference());
        assertEquals("RCPT | outside | literal-ipv4 name:user | james 501 5.1.3 | postfix 454 4.7.1",
            rcpt.signature());
        assertEquals("RCPT | outside | james 501 5.1.3 | postfix 454 4.7.1", rcpt.answers());
    }

    @Test
    void aFateIsAnsweredByThePlacesWithoutTheEnvelopeRecipients() throws IOException {
        Divergence fate = single(judge().compare(probe(ClientSide.INSIDE, "<ines@example.org>", "<\"a b\"@c.example>"),
            relayed("\"a b\"@c.example"), relayed("a b@c.example")));
        assertEquals("fate | inside | from [name:user to:local] to [name:unknown quoted quoted-specials to:remote] | "
            + "james sink smtp.isp.example:587 for \"a a\"@a.a (TLS, login example-org) | postfix sink "
            + "smtp.isp.example:587 for a a@a.a (TLS, login example-org)", fate.signature());
        assertEquals("fate | inside | james same places | postfix same places", fate.answers());
    }

    @Test
    void extraCopiesInAnyMailboxAreOneAnswer() throws IOException {
        Probe probe = new Probe(ClientSide.INSIDE, new AddressGrammar.Generated("<a@remote.example>", "test"),
            List.of(new AddressGrammar.Generated("<oskar@example.org>", "test"),
                new AddressGrammar.Generated("<oskar@example.org>", "test")));
        Divergence fate = single(judge().compare(probe,
            new Outcome(MAIL_OK, List.of(RCPT_OK, RCPT_OK), Optional.of(DATA_OK), List.of(
                Arrival.inMailbox(Arrival.Kind.MESSAGE, "oskar"), Arrival.inMailbox(Arrival.Kind.MESSAGE, "oskar"))),
            new Outcome(MAIL_OK, List.of(RCPT_OK, RCPT_OK), Optional.of(DATA_OK), List.of(
                Arrival.inMailbox(Arrival.Kind.MESSAGE, "oskar")))));
        assertEquals("fate | inside | james mailbox | postfix no more", fate.answers());
        assertEquals("james mailbox oskar, mailbox oskar", "james " + fate.james());
    }

    @Test
    void anOwnLiteralReachedByRoutingAndBesideOtherRecipientsIsKd2() throws IOException {
        Divergence rcpt = single(judge().compare(
            probe(ClientSide.OUTSIDE, "<a@b.example>", "<sys+%[127.0.0.1]%localhost@example.org>"),
            new Outcome(MAIL_OK, List.of(Reply.of(454, "4.7.1", "Relay access denied")), Optional.empty(), List.of()),
            new Outcome(MAIL_OK, List.of(RCPT_OK), Optional.of(DATA_OK), List.of(Arrival.inMailbox(
                Arrival.Kind.MESSAGE, "sys")))));
        assertEquals(Optional.of("KD2"), rcpt.knownDifference().map(KnownDifference::id));
        Probe mixed = new Probe(ClientSide.INSIDE, new AddressGrammar.Generated("<a@remote.example>", "test"),
            List.of(new AddressGrammar.Generated("<ines@[IPv6:::1]>", "test"),
                new AddressGrammar.Generated("<oskar@example.org>", "test")));
        Arrival oskar = Arrival.inMailbox(Arrival.Kind.MESSAGE, "oskar");
        Divergence fate = single(judge().compare(mixed,
            new Outcome(MAIL_OK, List.of(RCPT_OK, RCPT_OK), Optional.of(DATA_OK), List.of(oskar, Arrival.inSink(
                Arrival.Kind.MESSAGE, SMARTHOST, "ines@::1", Optional.of("example-org"), true))),
            new Outcome(MAIL_OK, List.of(RCPT_OK, RCPT_OK), Optional.of(DATA_OK), List.of(oskar,
                Arrival.inMailbox(Arrival.Kind.MESSAGE, "ines")))));
        assertEquals(Optional.of("KD2"), fate.knownDifference().map(KnownDifference::id));
    }

    @Test
    void anAddressJamesCannotHoldIsKd3OnlyWherePostfixTakesIt() throws IOException {
        Reply cannotHold = Reply.of(553, "5.1.3", "<\"a@b\"@remote.example>: Recipient address rejected: "
            + PostfixRcptCmdHandler.CANNOT_HOLD);
        Probe probe = probe(ClientSide.INSIDE, "<a@b.example>", "<\"a@b\"@remote.example>");
        Divergence taken = single(judge().compare(probe,
            new Outcome(MAIL_OK, List.of(cannotHold), Optional.empty(), List.of()), relayed("\"a@b\"@remote.example")));
        assertEquals(Optional.of("KD3"), taken.knownDifference().map(KnownDifference::id));
        Divergence refused = single(judge().compare(probe,
            new Outcome(MAIL_OK, List.of(cannotHold), Optional.empty(), List.of()),
            new Outcome(MAIL_OK, List.of(Reply.of(501, "5.1.3", "Bad recipient address syntax")), Optional.empty(),
                List.of())));
        assertEquals(Optional.empty(), refused.knownDifference());
    }

    @Test
    void aLocalPartOutsideAsciiQuotedAtTheNextHopIsKd4() throws IOException {
        Probe probe = probe(ClientSide.INSIDE, "<a@b.example>", "<jörg@remote.example>");
        Divergence quoted = single(judge().compare(probe, relayed("\"jörg\"@remote.example"),
            relayed("jörg@remote.example")));
        assertEquals(Optional.of("KD4"), quoted.knownDifference().map(KnownDifference::id));
        Divergence other = single(judge().compare(probe, relayed("\"jürg\"@remote.example"),
            relayed("jörg@remote.example")));
        assertEquals(Optional.empty(), other.knownDifference());
    }

    private static Outcome relayed(String recipient) {
        return new Outcome(MAIL_OK, List.of(RCPT_OK), Optional.of(DATA_OK), List.of(Arrival.inSink(
            Arrival.Kind.MESSAGE, SMARTHOST, recipient, Optional.of("example-org"), true)));
    }

    private static Divergence single(List<Divergence> divergences) {
        assertEquals(1, divergences.size(), divergences::toString);
        return divergences.get(0);
    }

    private static Probe probe(ClientSide client, String sender, String recipient) {
        return new Probe(client, new AddressGrammar.Generated(sender, "test"),
            List.of(new AddressGrammar.Generated(recipient, "test")));
    }

    private static ProbeJudge judge() throws IOException {
        return new ProbeJudge(new AddressClass(AddressSeedsTest.grammar().words()));
    }
}
