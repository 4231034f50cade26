package io.mailform.runtime.address;

import java.util.Optional;

import org.apache.james.core.Domain;

import io.mailform.postfix.RecipientDelimiter;

/**
 * Address settings that James 3.8.1 has no configuration for and that the runtime's own handlers and mailets apply.
 *
 * @param mailName the domain that qualifies bare envelope addresses (Postfix's myorigin); empty: James's default
 *     domain
 * @param recipientDelimiter Postfix's recipient_delimiter
 */
public record MailSettings(Optional<Domain> mailName, RecipientDelimiter recipientDelimiter) {
    public static MailSettings defaults() {
        return new MailSettings(Optional.empty(), RecipientDelimiter.none());
    }
}
