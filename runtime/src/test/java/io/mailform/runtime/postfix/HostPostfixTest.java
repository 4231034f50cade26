package io.mailform.runtime.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailform.runtime.config.StartupException;

/** A host that cannot run a private instance is refused at once, with the command that fixes it. */
class HostPostfixTest {
    @TempDir
    Path empty;

    @Test
    void withoutPostfixTheInstallCommandIsGiven() {
        StartupException refused = assertThrows(StartupException.class,
            () -> HostPostfix.locate(List.of(empty), empty, true));
        assertEquals("this host cannot run a private Postfix instance: Postfix is not installed: "
            + "apt-get install postfix libsasl2-modules (as root)", refused.getMessage());
    }

    @Test
    void withoutRootTheUserIsToldToRunAsRoot() {
        StartupException refused = assertThrows(StartupException.class,
            () -> HostPostfix.locate(List.of(Path.of("/usr/sbin")), Path.of("/usr/lib"), false));
        assertTrue(refused.getMessage().contains("it needs root, to start Postfix and to create the system accounts "
            + "local(8) delivers to: run it as root"), refused.getMessage());
    }

    @Test
    void withoutTheSaslModulesTheSameCommandIsGiven() throws Exception {
        StartupException refused = assertThrows(StartupException.class,
            () -> HostPostfix.locate(List.of(Path.of("/usr/sbin")), Files.createDirectory(empty.resolve("lib")),
                true));
        assertTrue(refused.getMessage().endsWith("the Cyrus SASL modules are missing, which Postfix logs in to a "
            + "relay with: apt-get install postfix libsasl2-modules (as root)"), refused.getMessage());
    }

    /** This host runs the other Postfix tests: it must have what they need, or they fail saying so. */
    @Test
    void thisHostHasPostfix() throws StartupException {
        HostPostfix host = HostPostfix.locate();
        assertTrue(Files.isExecutable(host.postfix()), host.toString());
    }
}
