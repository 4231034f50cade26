package io.mailform.runtime.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the mail system once for the annotated test class, in the sandbox, and injects a
 * {@link io.mailform.runtime.server.RunningMailSystem} (ports, IMAP passwords, capture sinks) into constructors, test
 * and lifecycle method parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MailSystemExtension.class)
public @interface MailSystem {
    /**
     * A YAML description, compiled for James at start, or the directory {@code mailform compile -o DIR} wrote: a
     * class path resource, else a path relative to the working directory.
     */
    String value();
}
