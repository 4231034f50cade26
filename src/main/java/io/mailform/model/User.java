package io.mailform.model;

import java.util.Optional;

/**
 * A local mailbox user; Postfix delivers to system accounts of this name. {@code imapPassword} is for the James target
 * only (Postfix has no IMAP server): where the runtime's IMAP password comes from, or empty for a random one.
 */
public record User(String name, Optional<SecretSource> imapPassword) {
    public User(String name) {
        this(name, Optional.empty());
    }
}
