package io.mailform.runtime.sandbox;

/**
 * How a capture sink answers each recipient, standing for a next hop that takes mail, one that is in trouble for a
 * while (the sender's server keeps the mail and tries again), or one that refuses it (the sender gets a bounce).
 */
public enum SinkAnswer {
    ACCEPT("250 2.1.5 Ok"),
    DEFER("450 4.2.0 Recipient address rejected: try again later (capture sink told to defer)"),
    REFUSE("550 5.1.1 Recipient address rejected: refused (capture sink told to refuse)");

    private final String reply;

    SinkAnswer(String reply) {
        this.reply = reply;
    }

    /** The reply to RCPT, without the address. */
    String reply() {
        return reply;
    }
}
