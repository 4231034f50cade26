package io.mailform.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.mailform.scenario.Case;
import io.mailform.scenario.ClientChoice;
import io.mailform.scenario.Expectation;
import io.mailform.scenario.Send;

/** What KD4 excuses: a local part outside ASCII quoted at the next hop, and nothing else. */
class KnownDifferencesTest {
    private static final Case TO_JOERG = new Case("jörg", new Send(new ClientChoice.Inside(), Send.DEFAULT_HELO,
        Optional.empty(), "someone@remote.test", List.of("jörg@remote.test"), OptionalLong.empty(), 1),
        new Expectation(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Map.of(), List.of(),
            List.of()), "/cases/0");

    @Test
    void theSameCopyQuotedIsKd4() {
        assertTrue(KnownDifferences.EIGHT_BIT_QUOTED.explains(TO_JOERG, List.of(
            "missing: sink direct for jörg@remote.test",
            "unexpected: sink direct for \"jörg\"@remote.test (TLS)")));
    }

    @Test
    void anotherCopyIsNot() {
        assertFalse(KnownDifferences.EIGHT_BIT_QUOTED.explains(TO_JOERG, List.of(
            "missing: sink direct for jörg@remote.test",
            "unexpected: sink direct for \"j?rg\"@remote.test (TLS)")));
        assertFalse(KnownDifferences.EIGHT_BIT_QUOTED.explains(TO_JOERG, List.of(
            "missing: sink direct for jörg@remote.test")));
    }
}
