package io.mailform.oracle;

/**
 * Where Postfix's address resolver (trivial-rewrite) sends an address: the local transport, a next hop outside, or
 * the error transport. {@code address} is the address after rewriting (source route, percent hack, bang path and
 * quoted routing resolved), which is the recipient a next hop sees. {@code routed} is true when the client's address
 * carried routing of its own inside a local domain ({@code user%remote@local}, {@code remote!user@local},
 * {@code "user@remote"@local}), which Postfix never lets an unauthorised client use.
 */
sealed interface Resolution {
    EnvelopeAddress address();

    boolean routed();

    record Local(EnvelopeAddress address, boolean routed) implements Resolution {
    }

    record Remote(EnvelopeAddress address, boolean routed, Hop hop) implements Resolution {
    }

    /** Local-only's {@code default_transport = error}: nothing leaves. */
    record Error(EnvelopeAddress address, boolean routed, String reason) implements Resolution {
    }

    /** An address whose domain Postfix refuses (resolve_numeric_domain = no and its host name checks). */
    record BadSyntax(EnvelopeAddress address, boolean routed) implements Resolution {
    }

    /** An address the oracle cannot place without knowing the host, e.g. an address literal. */
    record Unknown(EnvelopeAddress address, boolean routed, String reason) implements Resolution {
    }
}
