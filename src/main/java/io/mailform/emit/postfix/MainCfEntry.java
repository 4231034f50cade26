package io.mailform.emit.postfix;

/**
 * One {@code name = value} line of main.cf, with the YAML node its value comes from ({@code ""} for Debian's
 * fixed baseline), so that a value the guard refuses is reported where the user can change it.
 */
record MainCfEntry(String name, String value, String pointer) {
}
