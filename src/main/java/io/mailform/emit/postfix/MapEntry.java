package io.mailform.emit.postfix;

/** One {@code key value} line of a Postfix lookup table, with the YAML node it comes from. */
record MapEntry(String key, String value, String pointer) {
}
