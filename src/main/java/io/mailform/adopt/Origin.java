package io.mailform.adopt;

import io.mailform.source.Span;

/** Where an imported value comes from: a file, the span of its line, and the main.cf parameter it sets, if any. */
record Origin(String file, Span span, String parameter) {
}
