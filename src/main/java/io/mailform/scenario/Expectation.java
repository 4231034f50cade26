package io.mailform.scenario;

import io.mailform.delivery.ReplyPattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What must happen to a case's transaction: the replies (each stage defaults to success while the transaction gets
 * that far) and every copy, wherever it ends up; copies not listed must not arrive anywhere.
 *
 * @param rcpt the reply expected for every recipient, when the file gives one for all
 * @param rcptByRecipient replies per recipient as written under {@code to}; the others get 2xx
 * @param delivered copies per mailbox account
 * @param bounced the addresses a bounce goes to
 */
public record Expectation(Optional<ReplyPattern> mail, Optional<ReplyPattern> rcpt,
        Map<String, ReplyPattern> rcptByRecipient, Optional<ReplyPattern> data, Map<String, Integer> delivered,
        List<RelayedCopies> relayed, List<String> bounced) {
    public Expectation {
        // Insertion order is the file's order; written back, the same scenarios give the same bytes.
        rcptByRecipient = Collections.unmodifiableMap(new LinkedHashMap<>(rcptByRecipient));
        delivered = Collections.unmodifiableMap(new LinkedHashMap<>(delivered));
        relayed = List.copyOf(relayed);
        bounced = List.copyOf(bounced);
    }

    /** The reply expected for one recipient of the case. */
    public ReplyPattern rcptFor(String recipient) {
        return Optional.ofNullable(rcptByRecipient.get(recipient)).or(() -> rcpt).orElse(ReplyPattern.success());
    }
}
