package io.mailform.adopt;

import io.mailform.source.Span;

/** One {@code key value} line of a lookup table's source file. */
record MapEntryLine(String key, String value, int line, Span span) {
}
