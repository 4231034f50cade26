package io.mailform.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The relay and recipient restriction lists as smtpd reads and applies them, with replies a Postfix 3.7.11 gave. */
class RelayRestrictionsTest {
    private static RelayRestrictions lists(String relay, String recipient) {
        return new RelayRestrictions(RestrictionList.parse(relay), RestrictionList.parse(recipient));
    }

    @Test
    void debiansListLetsInsideClientsRelayAndDefersStrangers() {
        RelayRestrictions debian = lists(RestrictionList.DEBIAN_RELAY_RESTRICTIONS, "");
        assertTrue(debian.hasWorkingInstance());
        assertTrue(debian.decide(true, false, false).permitted());
        assertTrue(debian.decide(false, true, false).permitted());
        assertTrue(debian.decide(false, false, true).permitted());
        RelayDecision stranger = debian.decide(false, false, false);
        assertEquals("454 4.7.1", stranger.refusal().orElseThrow().reply().status());
        assertTrue(stranger.isCertain());
    }

    @Test
    void whatFollowsAnUnconditionalPermitIsIgnored() {
        RestrictionList list = RestrictionList.parse("permit_mynetworks, permit reject_unauth_destination");
        assertEquals(List.of(new Restriction("reject_unauth_destination", Optional.empty())), list.ignored());
        assertFalse(lists(list.restrictions().stream().map(Restriction::text)
                .reduce((a, b) -> a + " " + b).orElseThrow(), "").hasWorkingInstance());
    }

    @Test
    void lookupsTakeTheirTableAndCannotBeJudged() {
        RelayRestrictions lists = lists("permit_mynetworks check_client_access hash:/etc/postfix/relay "
                + "defer_unauth_destination", "");
        assertEquals(List.of(new Restriction("check_client_access", Optional.of("hash:/etc/postfix/relay")),
                new Restriction("defer_unauth_destination", Optional.empty())),
                lists.relay().restrictions().subList(1, 3));
        RelayDecision stranger = lists.decide(false, false, false);
        assertFalse(stranger.permitted());
        assertFalse(stranger.isCertain());
    }

    @Test
    void bothListsApplyAndAPermitEndsOnlyItsOwn() {
        RelayRestrictions lists = lists("permit", "permit_mynetworks reject_unauth_destination");
        assertTrue(lists.hasWorkingInstance());
        RelayDecision stranger = lists.decide(false, false, false);
        assertEquals("554 5.7.1", stranger.refusal().orElseThrow().reply().status());
        assertEquals(RelayRestrictions.RECIPIENT, stranger.refusal().orElseThrow().list());
        assertTrue(lists.decide(false, false, true).permitted());
    }

    @Test
    void aListThatPermitsStrangersIsAnOpenRelay() {
        RelayRestrictions open = lists("permit_mynetworks permit", "permit_sasl_authenticated permit reject");
        assertFalse(open.hasWorkingInstance());
        assertTrue(open.decide(false, false, false).permitted());
    }

    @Test
    void unconditionalRefusalsGiveTheirOwnReplies() {
        assertEquals("554 5.7.1", lists("permit_mynetworks reject", "").decide(false, false, true).refusal()
                .orElseThrow().reply().status());
        assertEquals("450 4.3.2", lists("permit_mynetworks defer", "").decide(false, false, true).refusal()
                .orElseThrow().reply().status());
        assertEquals("450 4.7.0", lists("permit_mynetworks defer_if_permit", "").decide(false, false, false)
                .refusal().orElseThrow().reply().status());
    }
}
