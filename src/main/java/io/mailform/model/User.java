package io.mailform.model;

/** A local mailbox user; Postfix delivers to system accounts of this name. */
public record User(String name) {
}
