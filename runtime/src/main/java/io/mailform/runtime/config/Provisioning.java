package io.mailform.runtime.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What James cannot read from its XML and the runtime applies through James's own APIs at every start (the memory
 * server keeps users, mappings and quotas in memory only). Read from {@code DIR/james/provisioning.json}; the schema is
 * documented in runtime/CONFIG.md.
 */
public record Provisioning(
    int version,
    Optional<String> mailName,
    String recipientDelimiter,
    List<User> users,
    List<Alias> aliases,
    Quota quota) {

    public static final int CURRENT_VERSION = 1;

    /**
     * A login for IMAP and a mailbox; {@code name} as James's users repository spells it. Without a password the
     * runtime chooses one at start ({@link ImapPasswords}).
     */
    public record User(String name, Optional<String> password, OptionalLong maxStorageBytes) {
        @Override
        public String toString() {
            return "User[" + name + (password.isPresent() ? ", password hidden" : "") + ", " + maxStorageBytes + "]";
        }
    }

    /** Mail for {@code source} (a full address) goes to every target address instead. */
    public record Alias(String source, List<String> targets) {
    }

    /** Limits for every mailbox owner; a user's own limit takes precedence. */
    public record Quota(OptionalLong maxStorageBytes, OptionalLong maxMessages) {
        public static Quota unlimited() {
            return new Quota(OptionalLong.empty(), OptionalLong.empty());
        }
    }
}
