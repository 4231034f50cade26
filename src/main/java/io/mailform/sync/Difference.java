package io.mailform.sync;

import io.mailform.diag.Code;

/**
 * One way the host differs from the description, charged to the YAML node responsible ({@code pointer}); a
 * {@code key} difference is reported at the node's key (an alias name), any other at its value.
 */
public record Difference(Code code, String pointer, boolean atKey, String message, String help) {
}
