package io.mailform.runtime.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.mailform.runtime.config.StartupException;

/** Next hops as relayhost and the transport map write them, and the sink names James's sandbox would give them. */
class NextHopTest {
    @Test
    void eachWrittenFormHasTheSinkNameOfJamesGateway() throws StartupException {
        assertEquals("smtp.example.net:587", NextHop.parse("[smtp.example.net]:587").sinkName());
        assertEquals("lists.internal.example.org:25", NextHop.parse("[lists.internal.example.org]").sinkName());
        assertEquals("mx.example.net:2525", NextHop.parse("mx.example.net:2525").sinkName());
        assertEquals("example.net:25", NextHop.parse("example.net").sinkName());
        assertEquals("10.30.0.5:2525", NextHop.parse("[10.30.0.5]:2525").sinkName());
        assertEquals("2001:db8::5:25", NextHop.parse("[ipv6:2001:db8::5]").sinkName());
    }

    @Test
    void theWrittenTextIsKeptAsTheLookupKey() throws StartupException {
        assertEquals("[smtp.example.net]:587", NextHop.parse("[smtp.example.net]:587").written());
    }

    @Test
    void aListOrGarbageIsRefused() {
        StartupException refused = assertThrows(StartupException.class,
            () -> NextHop.parse("[a.example], [b.example]"));
        assertTrue(refused.getMessage().contains("is not one host"), refused.getMessage());
        assertThrows(StartupException.class, () -> NextHop.parse("[unclosed:25"));
    }

    @Test
    void theSinkIsReachedByTheNameOnItsCertificate() {
        assertEquals("[localhost]:40001", NextHop.ofSink(40001));
    }
}
