package io.mailform.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.mailform.postfix.SystemAccounts;
import io.mailform.runtime.sandbox.CaptureSink;

/**
 * Each example started on either server has a capture sink for each of its next hops, named alike on both, and
 * listens on loopback only, whatever its interfaces say; on James its accounts are its users and the host's system
 * accounts, as Postfix's local(8) would deliver to them.
 */
class ExampleServersTest {
    /** Debian's system accounts; root is taken by an alias in every example. */
    private static final List<String> SYSTEM_WITHOUT_ROOT =
        SystemAccounts.NAMES.stream().filter(name -> !name.equals("root")).toList();

    /** An example, the sinks of its next hops, and the accounts it has besides the system accounts. */
    record Example(String name, List<String> sinks, List<String> ownAccounts) {
        Path description() {
            return Path.of("../examples", name + ".yaml");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Example> examples() {
        return Stream.of(
            new Example("internet-site", List.of("direct"), List.of("alice", "bob")),
            // root_recipient names admin@example.com, in a local domain: an account of its own.
            new Example("internet-smarthost", List.of("smtp.example.net:25"), List.of("admin")),
            new Example("satellite", List.of("hub.example.com:25"), List.of()),
            new Example("local-only", List.of(), List.of("builder")),
            new Example("full", List.of("10.30.0.5:2525", "lists.internal.example.org:25", "smtp.example.net:587"),
                List.of("alice", "bob", "carol")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void onJamesTheSinksAreItsNextHopsTheAccountsItsUsersAndNothingListensBeyondLoopback(Example example)
            throws Exception {
        try (RunningMailSystem james = MailSystemRuntime.start(RuntimeOptions.sandboxed(example.description()))) {
            assertSinksAndLoopback(example, james, List.of(james.imapPort()));
            List<String> accounts = new ArrayList<>(example.ownAccounts());
            accounts.addAll(SYSTEM_WITHOUT_ROOT);
            assertEquals(accounts, james.accounts());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void onPostfixTheSinksAreItsNextHopsAndNothingListensBeyondLoopback(Example example) throws Exception {
        try (MailServer postfix = TestServers.start(ServerKind.POSTFIX, example.description())) {
            assertSinksAndLoopback(example, postfix, List.of());
        }
    }

    private static void assertSinksAndLoopback(Example example, MailServer server, List<Integer> otherPorts)
            throws IOException {
        assertEquals(example.sinks(), server.sinks().stream().map(CaptureSink::name).toList());
        List<Integer> ports = new ArrayList<>(otherPorts);
        ports.add(server.smtpPort());
        server.sinks().forEach(sink -> ports.add(sink.port()));
        for (int port : ports) {
            assertEquals(Set.of("127.0.0.1"), ListeningSockets.addressesListeningOn(port), "port " + port);
        }
    }
}
