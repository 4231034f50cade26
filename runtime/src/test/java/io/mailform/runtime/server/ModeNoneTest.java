package io.mailform.runtime.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mailform.runtime.config.StartupException;

/**
 * examples/none.yaml: mode none keeps main.cf by hand, so the description does not say what the system does, and
 * neither server has anything to start. Each refuses with that reason.
 */
class ModeNoneTest {
    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void modeNoneHasNothingToStart(ServerKind kind) {
        StartupException refused = assertThrows(StartupException.class,
            () -> TestServers.start(kind, Path.of("../examples/none.yaml")).close());
        assertTrue(refused.getMessage().contains("mode none has no ")
            && refused.getMessage().contains("its main.cf is maintained by hand"), refused.getMessage());
    }
}
