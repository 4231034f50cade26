package io.mailform.scenario;

/**
 * One case: a transaction and what must happen to it. {@code pointer} is the case's place in its file, for
 * diagnostics and reports.
 */
public record Case(String name, Send send, Expectation expect, String pointer) {
}
