package io.mailform.oracle;

import io.mailform.model.AliasTarget;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Postfix's local(8) for one recipient: aliases(5) first (by the whole local part, then by the part before the
 * delimiter; the extension is not passed on to the targets, as {@code propagate_unmatched_extensions} leaves out
 * {@code alias} by default, measured on Postfix 3.7), then the account's mailbox. Bare targets get {@code @myorigin} and every target is resolved again, so a
 * target in a local domain is expanded in turn and any other one is forwarded to its next hop. Each destination is
 * reached once per recipient (local(8)'s duplicate filter), however many alias paths lead there.
 */
final class LocalDelivery {
    /** Postfix discards mail for these names when no alias takes it. */
    private static final Set<String> DISCARDED = Set.of("mailer-daemon", "double-bounce");
    /** local(8)'s nesting limit for alias expansion. */
    private static final int MAX_DEPTH = 100;

    private final AddressBook book;
    private final Resolver resolver;

    LocalDelivery(AddressBook book, Resolver resolver) {
        this.book = book;
        this.resolver = resolver;
    }

    Set<Destination> deliver(EnvelopeAddress address, Trace trace) {
        Set<Destination> destinations = new LinkedHashSet<>();
        expand(address, 0, Optional.empty(), destinations, trace);
        return destinations;
    }

    private void expand(EnvelopeAddress address, int depth, Optional<String> expandingAlias,
            Set<Destination> destinations, Trace trace) {
        String localPart = address.localPart();
        if (depth > MAX_DEPTH) {
            trace.step(address.address() + ": alias nesting deeper than " + MAX_DEPTH + ", bounced");
            destinations.add(new Destination.Failed(address.address(), "alias expansion too deep"));
            return;
        }
        boolean selfReference = expandingAlias.filter(alias -> alias.equals(AddressBook.fold(localPart))).isPresent();
        Optional<List<AliasTarget>> alias = selfReference ? Optional.empty() : book.alias(localPart);
        String aliasName = AddressBook.fold(localPart);
        if (alias.isEmpty() && !selfReference) {
            Optional<String> base = book.delimiter().stripExtension(localPart);
            if (base.isPresent() && book.alias(base.get()).isPresent()) {
                alias = book.alias(base.get());
                aliasName = AddressBook.fold(base.get());
            }
        }
        if (alias.isPresent()) {
            trace.step(address.address() + ": alias " + aliasName + " → "
                    + String.join(", ", alias.get().stream().map(AliasTarget::text).toList()));
            Trace nested = trace.nested();
            for (AliasTarget target : alias.get()) {
                expandTarget(target, depth, aliasName, destinations, nested);
            }
            return;
        }
        mailbox(address, destinations, trace);
    }

    private void expandTarget(AliasTarget target, int depth, String aliasName,
            Set<Destination> destinations, Trace trace) {
        EnvelopeAddress address;
        if (target instanceof AliasTarget.Local local) {
            address = EnvelopeAddress.internal(local.name());
        } else if (target instanceof AliasTarget.Address remote) {
            address = EnvelopeAddress.internal(remote.localPart() + "@" + remote.domain().value());
        } else {
            trace.step(target.text() + ": delivered outside any mailbox (a command, file or include target)");
            destinations.add(new Destination.Unobservable(target.text()));
            return;
        }
        Resolution resolution = resolver.resolve(address, trace);
        if (resolution instanceof Resolution.Local) {
            expand(resolution.address(), depth + 1, Optional.of(aliasName), destinations, trace.nested());
        } else if (resolution instanceof Resolution.Remote remote) {
            trace.step(remote.address().address() + ": forwarded " + remote.hop().destination());
            destinations.add(new Destination.Forward(remote.address(), remote.hop()));
        } else if (resolution instanceof Resolution.Error error) {
            trace.step(error.address().address() + ": cannot be forwarded, bounced");
            destinations.add(new Destination.Failed(error.address().address(), "mail for " + error.reason()
                    + " is not sent out"));
        } else if (resolution instanceof Resolution.Unknown unknown) {
            destinations.add(new Destination.Failed(unknown.address().address(), unknown.reason()));
        } else {
            destinations.add(new Destination.Failed(resolution.address().address(), "bad address syntax"));
        }
    }

    /**
     * local(8) looks the account up by the local part without its extension, even when the whole is an account; mail
     * for MAILER-DAEMON or double-bounce that no alias takes is discarded, without a bounce.
     */
    private void mailbox(EnvelopeAddress address, Set<Destination> destinations, Trace trace) {
        String localPart = address.localPart();
        if (DISCARDED.contains(AddressBook.fold(localPart))) {
            trace.step(address.address() + ": no alias takes it, and Postfix discards mail for " + localPart);
            return;
        }
        String user = AddressBook.fold(book.delimiter().stripExtension(localPart).orElse(localPart));
        if (book.isAccount(user)) {
            trace.step(address.address() + ": mailbox of the account " + user);
            destinations.add(new Destination.Mailbox(user));
        } else {
            trace.step(address.address() + ": no account \"" + user + "\" (local(8) looks the account up without "
                    + "the extension), bounced");
            destinations.add(new Destination.Failed(address.address(), "unknown user: \"" + user + "\""));
        }
    }
}
