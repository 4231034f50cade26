package io.mailform.runtime.address;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.api.RecipientRewriteTable.ErrorMappingException;
import org.apache.james.rrt.api.RecipientRewriteTableException;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

/**
 * Answers "is this a recipient of ours?" the way the SMTP server does (a user, or an address with a mapping), and
 * applies the recipient delimiter on top: {@code user+ext} counts as {@code user} unless it is itself a recipient.
 */
public final class RecipientDirectory {
    private final UsersRepository users;
    private final RecipientRewriteTable rewriteTable;
    private final MailSettings settings;

    @Inject
    public RecipientDirectory(UsersRepository users, RecipientRewriteTable rewriteTable, MailSettings settings) {
        this.users = users;
        this.rewriteTable = rewriteTable;
        this.settings = settings;
    }

    /** True when the address itself is a user or has a mapping, ignoring any extension. */
    public boolean isKnown(MailAddress address) throws UsersRepositoryException, RecipientRewriteTableException {
        // An error mapping is a configured answer for this address: the address is known.
        return isUser(address) || hasMapping(address);
    }

    private boolean isUser(MailAddress address) throws UsersRepositoryException {
        try {
            return users.contains(users.getUsername(address));
        } catch (IllegalArgumentException e) {
            // A local part no user name can have, such as a quoted one with spaces or an @.
            return false;
        }
    }

    /**
     * The address mail for {@code address} goes to: the address itself when it is known, else the address without its
     * extension when that one is known, else empty.
     */
    public Optional<MailAddress> resolve(MailAddress address)
            throws UsersRepositoryException, RecipientRewriteTableException {
        if (isKnown(address)) {
            return Optional.of(address);
        }
        Optional<MailAddress> base = withoutExtension(address);
        if (base.isPresent() && isKnown(base.get())) {
            return base;
        }
        return Optional.empty();
    }

    /**
     * Where Postfix's local(8) takes mail for a local address: the address itself when it has a mapping (an alias),
     * else the address without its extension, whose alias or mailbox then takes it. local(8) looks aliases up by the
     * whole local part and then by the part before the delimiter, but mailboxes by the part before the delimiter
     * only: with "-" as the delimiter, mail for the account www-data goes to www, which is no account, and bounces.
     */
    public MailAddress deliveredAs(MailAddress address) throws RecipientRewriteTableException {
        if (hasMapping(address)) {
            return address;
        }
        return withoutExtension(address).orElse(address);
    }

    private boolean hasMapping(MailAddress address) throws RecipientRewriteTableException {
        try {
            return !rewriteTable.getResolvedMappings(address.getLocalPart(), address.getDomain()).isEmpty();
        } catch (ErrorMappingException e) {
            return true;
        }
    }

    private Optional<MailAddress> withoutExtension(MailAddress address) {
        return settings.recipientDelimiter().stripExtension(address.getLocalPart())
            .flatMap(user -> {
                try {
                    return Optional.of(new MailAddress(user, address.getDomain()));
                } catch (javax.mail.internet.AddressException e) {
                    // The front of a quoted local part ("a b+x" gives "a b) is no address, so no user either.
                    return Optional.empty();
                }
            });
    }
}
