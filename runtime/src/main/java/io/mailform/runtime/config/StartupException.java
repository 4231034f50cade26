package io.mailform.runtime.config;

/** The configuration cannot be started; the message says what is wrong and where. */
public class StartupException extends Exception {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
