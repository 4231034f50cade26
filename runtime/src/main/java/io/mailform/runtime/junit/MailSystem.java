package io.mailform.runtime.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the compiled mail system once for the annotated test class, in the sandbox, and injects a
 * {@link io.mailform.runtime.server.RunningMailSystem} into test and lifecycle method parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MailSystemExtension.class)
public @interface MailSystem {
    /**
     * The directory {@code mailform compile -o DIR} wrote: a class path resource, else a file path relative to the
     * working directory.
     */
    String value();
}
