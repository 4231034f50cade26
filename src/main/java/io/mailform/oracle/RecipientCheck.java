package io.mailform.oracle;

import io.mailform.delivery.Reply;
import io.mailform.postfix.ReservedNames;
import java.util.Optional;

/**
 * {@code smtpd_reject_unlisted_recipient}: a recipient in a local domain must be an account of the password file or
 * an alias ({@code local_recipient_maps = proxy:unix:passwd.byname $alias_maps}), by its whole local part or by the
 * part before the recipient delimiter; Postfix's reserved names (postmaster, MAILER-DAEMON, double-bounce) always
 * pass. Local-only's error transport refuses
 * everything else here too.
 */
final class RecipientCheck {
    private final AddressBook book;

    RecipientCheck(AddressBook book) {
        this.book = book;
    }

    Optional<Reply> check(Resolution resolution, Trace trace) {
        String address = resolution.address().address();
        if (resolution instanceof Resolution.Error error) {
            trace.step("the error transport refuses it at once");
            return Optional.of(Reply.of(550, "5.1.1", "<" + address + ">: Recipient address rejected: "
                    + error.reason()));
        }
        if (!(resolution instanceof Resolution.Local)) {
            return Optional.empty();
        }
        String localPart = resolution.address().localPart();
        if (isListed(localPart)) {
            trace.step("local recipient: \"" + localPart + "\" is " + what(localPart));
            return Optional.empty();
        }
        Optional<String> base = book.delimiter().stripExtension(localPart).filter(this::isListed);
        if (base.isPresent()) {
            trace.step("local recipient: \"" + localPart + "\" is not listed, but without its extension \""
                    + base.get() + "\" is " + what(base.get()));
            return Optional.empty();
        }
        trace.step("local recipient: \"" + localPart + "\" is no account and no alias"
                + (book.delimiter().isEnabled() ? ", with or without an extension" : ""));
        return Optional.of(Reply.of(550, "5.1.1", "<" + address
                + ">: Recipient address rejected: User unknown in local recipient table"));
    }

    private boolean isListed(String localPart) {
        return book.isAccount(localPart) || book.alias(localPart).isPresent()
                || ReservedNames.isReserved(localPart);
    }

    private String what(String localPart) {
        if (book.alias(localPart).isPresent()) {
            return "an alias";
        }
        if (book.isAccount(localPart)) {
            return "an account";
        }
        return "always accepted";
    }
}
