package io.mailform.runtime.sandbox;

import java.io.IOException;

/** Takes each message a {@link CaptureSink} receives, before the sink acknowledges it. */
@FunctionalInterface
public interface CaptureListener {
    /** Throws when the message cannot be taken; the sink then answers 451, so that the sender keeps it. */
    void received(CapturedMessage message) throws IOException;
}
