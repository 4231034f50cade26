package io.mailform.runtime.fuzz;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Envelope addresses from a grammar ({@link AddressGrammar}), sent from inside and outside networks to James and to a
 * private Postfix started once from one description ({@code fuzz/addresses.yaml}): both must answer MAIL and every
 * RCPT with the same code and enhanced status, and put every accepted copy in the same place (mailbox, next hop with
 * its envelope recipient, login and TLS, bounce and where it went, or nowhere), unless a known difference explains
 * it. A difference that an open finding ({@code AddressFuzzTestFindings/}) already shows is counted, not failed; any
 * other fails the build. With {@code -Dmailform.fuzz.findings=DIR} the run fails on nothing and keeps one input per
 * new finding in DIR instead (ci/fuzz-addresses).
 *
 * <p>The committed inputs under {@code AddressFuzzTestInputs/} run first in every build: the seeds (the relay tricks
 * of the generated cases, the aliases' targets, forms users sent) and a distillation of what longer runs kept.
 */
class AddressFuzzTest {
    static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();
    static final Path DESCRIPTION = PROJECT.resolve("runtime/src/test/resources/fuzz/addresses.yaml");
    static final Path FINDINGS = PROJECT.resolve(
        "runtime/src/test/resources/io/mailform/runtime/fuzz/AddressFuzzTestFindings");

    private static AddressFuzzing fuzzing;

    @BeforeAll
    static void startBothServers() throws Exception {
        fuzzing = AddressFuzzing.start(DESCRIPTION, UnaryOperator.identity(), FINDINGS,
            AddressFuzzing.surveyDirectory());
    }

    @AfterAll
    static void stopThem() {
        if (fuzzing != null) {
            System.err.println(fuzzing.summary());
            fuzzing.close();
        }
    }

    @FuzzTest(maxDuration = "100s")
    void serversAgreeOnEveryAddress(byte[] input) throws Exception {
        // Jazzer takes any connection for a server-side request forgery; these go to the servers on loopback.
        try (SilentCloseable loopback = BugDetectors.allowNetworkConnections(AddressFuzzTest::isLoopback)) {
            fuzzing.probe(input);
        }
    }

    static boolean isLoopback(String host, int port) {
        return host.equals("localhost") || host.startsWith("127.");
    }
}
