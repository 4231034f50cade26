package io.mailform.model;

/** Where a password (a relay's, or a user's for IMAP) comes from at compile time; the description never holds one. */
public sealed interface SecretSource permits SecretSource.File, SecretSource.Environment {
    /** A file whose first line is the password; relative paths are relative to the description's directory. */
    record File(String path) implements SecretSource {
    }

    /** An environment variable of the compiling process. */
    record Environment(String variable) implements SecretSource {
    }
}
