package io.mailform.adopt;

import io.mailform.source.Span;

/**
 * One logical line of a Postfix-style file (main.cf, aliases, a lookup table's source): its physical lines joined
 * the way Postfix joins them, with where it starts.
 *
 * @param text the joined text: each physical line stripped of surrounding whitespace, joined by one space
 * @param line the 1-based line of its first physical line
 * @param span the first physical line's text, for diagnostics
 */
record LogicalLine(String text, int line, Span span) {
}
