package io.mailform.runtime.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mailform.runtime.config.StartupException;

/** Which sinks a compiled configuration needs, and how its tables are pointed at them. */
class SandboxRoutingTest {
    private static final String TRANSPORT = "lists.example.org\tsmtp:[lists.internal.example.org]\n"
        + "partner.example.com\tsmtp:[10.30.0.5]:2525\n"
        + "broken.example\terror:5.1.2 no such domain\n";

    private static CompiledMainCf mainCf(String postconf) throws StartupException {
        return CompiledMainCf.parse(postconf);
    }

    @Test
    void aSmarthostAndRoutesHaveOneSinkEach() throws StartupException {
        SandboxRouting routing = SandboxRouting.of(mainCf("relayhost = [smtp.example.net]:587\n"),
            Optional.of(LookupTable.parse(TRANSPORT)));
        assertFalse(routing.direct());
        assertEquals(List.of("10.30.0.5:2525", "lists.internal.example.org:25", "smtp.example.net:587"),
            routing.sinkNames());
    }

    @Test
    void mxDeliveryIsTheSinkDirect() throws StartupException {
        SandboxRouting routing = SandboxRouting.of(mainCf("relayhost =\n"), Optional.empty());
        assertTrue(routing.direct());
        assertEquals(List.of("direct"), routing.sinkNames());
    }

    @Test
    void theErrorTransportSendsNothing() throws StartupException {
        SandboxRouting routing = SandboxRouting.of(mainCf("default_transport = error\nrelayhost =\n"),
            Optional.empty());
        assertEquals(List.of(), routing.sinkNames());
    }

    @Test
    void tablesFollowTheNextHopsToTheirSinks() throws StartupException {
        LookupTable transport = LookupTable.parse(TRANSPORT);
        SandboxRouting routing = SandboxRouting.of(mainCf("relayhost = [smtp.example.net]:587\n"),
            Optional.of(transport));
        SandboxTables.Rewritten rewritten = SandboxTables.rewrite(Map.of(
                SandboxTables.TRANSPORT, transport,
                SandboxTables.SASL_PASSWD, LookupTable.parse("[smtp.example.net]:587\tuser:pw\n"
                    + "[10.30.0.5]:2525\tuser:pw\n[unused.example]\tuser:pw\n"),
                SandboxTables.TLS_POLICY, LookupTable.parse("[lists.internal.example.org]\tmay\n")),
            routing, Map.of("smtp.example.net:587", 4001, "lists.internal.example.org:25", 4002,
                "10.30.0.5:2525", 4003));
        assertEquals("lists.example.org\tsmtp:[localhost]:4002\npartner.example.com\tsmtp:[localhost]:4003\n"
            + "broken.example\terror:5.1.2 no such domain\n", rewritten.tables().get(SandboxTables.TRANSPORT));
        assertEquals("[localhost]:4001\tuser:pw\n[localhost]:4003\tuser:pw\n[unused.example]\tuser:pw\n",
            rewritten.tables().get(SandboxTables.SASL_PASSWD));
        assertEquals("[localhost]:4002\tmay\n", rewritten.tables().get(SandboxTables.TLS_POLICY));
        assertEquals(5, rewritten.changes().size(), rewritten.changes().toString());
        assertTrue(rewritten.changes().stream().noneMatch(change -> change.describe().contains("pw")),
            "no password in the listed changes");
    }
}
