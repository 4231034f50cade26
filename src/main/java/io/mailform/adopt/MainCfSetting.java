package io.mailform.adopt;

import io.mailform.source.Span;

/** One {@code name = value} of main.cf as Postfix reads it, with where it is written. */
record MainCfSetting(String name, String value, int line, Span span) {
}
