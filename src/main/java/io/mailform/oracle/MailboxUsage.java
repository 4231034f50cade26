package io.mailform.oracle;

import java.util.HashMap;
import java.util.Map;

/**
 * How full each mailbox is after the transactions predicted so far, for {@code mailbox_size_limit}. A stored copy
 * counts its message plus what the server adds on delivery (Received, Delivered-To, Return-Path, the mbox From line).
 */
public final class MailboxUsage {
    /** About what Postfix's local(8) adds to a message it stores; James adds less. */
    static final long ADDED_ON_DELIVERY = 700;

    private final Map<String, Long> bytes = new HashMap<>();

    /** The bytes the oracle takes {@code account}'s mailbox to hold. */
    public long used(String account) {
        return bytes.getOrDefault(account, 0L);
    }

    void add(String account, long messageSize) {
        bytes.merge(account, messageSize + ADDED_ON_DELIVERY, Long::sum);
    }
}
