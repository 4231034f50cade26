package io.mailform.runtime.server;

import java.nio.file.Path;

import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.postfix.PostfixOptions;
import io.mailform.runtime.postfix.PostfixRuntime;

/** Starts a description, or a compiled directory, sandboxed on either server, as {@code mailform test} does. */
public final class TestServers {
    private TestServers() {
    }

    public static MailServer start(ServerKind kind, Path descriptionOrDirectory) throws StartupException {
        return switch (kind) {
            case JAMES -> MailSystemRuntime.start(RuntimeOptions.sandboxed(descriptionOrDirectory));
            case POSTFIX -> PostfixRuntime.start(PostfixOptions.of(descriptionOrDirectory));
        };
    }
}
