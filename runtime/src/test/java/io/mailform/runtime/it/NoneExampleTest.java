package io.mailform.runtime.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.server.MailSystemRuntime;
import io.mailform.runtime.server.RuntimeOptions;

/**
 * examples/none.yaml: mode none has no James configuration (its main.cf is maintained by hand, so the description does
 * not say what the system does). Its start is refused with that reason, and nothing is left running.
 */
class NoneExampleTest {
    @Test
    void modeNoneHasNothingToStart() {
        StartupException refused = assertThrows(StartupException.class,
            () -> MailSystemRuntime.start(RuntimeOptions.sandboxed(Path.of("../examples/none.yaml"))));
        assertTrue(refused.getMessage().contains("mode none has no James configuration"), refused.getMessage());
    }
}
