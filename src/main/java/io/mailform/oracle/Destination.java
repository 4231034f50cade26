package io.mailform.oracle;

/** Where local delivery of one recipient ends: a mailbox, a next hop outside, or a failure the sender hears of. */
sealed interface Destination {
    record Mailbox(String account) implements Destination {
    }

    record Forward(EnvelopeAddress address, Hop hop) implements Destination {
    }

    /** A command, file or include target: delivered outside every mailbox and sink the servers can show. */
    record Unobservable(String target) implements Destination {
    }

    record Failed(String address, String reason) implements Destination {
    }
}
