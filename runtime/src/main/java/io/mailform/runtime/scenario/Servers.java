package io.mailform.runtime.scenario;

import java.nio.file.Path;

import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.postfix.PostfixOptions;
import io.mailform.runtime.postfix.PostfixRuntime;
import io.mailform.runtime.server.MailServer;
import io.mailform.runtime.server.MailSystemRuntime;
import io.mailform.runtime.server.RuntimeOptions;
import io.mailform.runtime.server.ServerKind;

/** Starts either server, sandboxed, from the directory {@code mailform compile -o DIR} wrote. */
interface Servers {
    MailServer start(ServerKind kind, Path compiled) throws StartupException;

    /** James through the runtime, Postfix as a private instance of the host's. */
    static Servers sandboxed() {
        return (kind, compiled) -> switch (kind) {
            case JAMES -> MailSystemRuntime.start(RuntimeOptions.sandboxed(compiled));
            case POSTFIX -> PostfixRuntime.start(PostfixOptions.of(compiled));
        };
    }
}
