package io.mailform.output;

/** Writing the output failed; the target directory is as it was before. */
public final class OutputWriteException extends Exception {
    public OutputWriteException(String message) {
        super(message);
    }

    public OutputWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
