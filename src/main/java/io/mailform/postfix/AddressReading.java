package io.mailform.postfix;

/** What Postfix makes of one address ({@link AddressReader}). */
public sealed interface AddressReading {
    /** The null sender {@code <>}. */
    record Null() implements AddressReading {
    }

    /**
     * An address Postfix takes: {@code internal} as smtpd extracted it (unquoted), {@code canonical} after the
     * rewrite to canonical form, and where it resolves to.
     */
    record Resolved(String internal, String canonical, AddressResolver.Resolved resolved) implements AddressReading {
    }

    /**
     * An address Postfix refuses: smtpd with "Bad recipient address syntax" or "Bad sender address syntax", local(8)
     * with "bad address syntax"; {@code why} says what is wrong.
     */
    record BadSyntax(String internal, String canonical, String why) implements AddressReading {
    }
}
