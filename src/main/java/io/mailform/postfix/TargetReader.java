package io.mailform.postfix;

import io.mailform.model.AliasTarget;
import io.mailform.model.MailSystem;
import java.util.Optional;

/**
 * Where Postfix's local(8) sends each alias target of a description: it rewrites the target to canonical form and
 * resolves it as trivial-rewrite does ({@link AddressReader#address}), so {@code friend%remote.test} is mail for
 * friend@remote.test, {@code alice%example.org} for the local name alice, and {@code user%bad..domain} bounces with
 * "bad address syntax". The one reading of targets for the semantic rules, the James target, the oracle, the
 * runtime's accounts and import.
 */
public final class TargetReader {
    private final AddressReader reader;

    public TargetReader(AddressReader reader) {
        this.reader = reader;
    }

    public static TargetReader of(MailSystem system) {
        return new TargetReader(AddressReader.of(system));
    }

    /** The address local(8) resolves for a target; empty for commands, files and includes, which are no address. */
    public static Optional<String> address(AliasTarget target) {
        if (target instanceof AliasTarget.Local local) {
            return Optional.of(local.name());
        }
        if (target instanceof AliasTarget.Address address) {
            return Optional.of(address.localPart() + "@" + address.domain().value());
        }
        return Optional.empty();
    }

    /** What Postfix makes of the target; empty for commands, files and includes. */
    public Optional<AddressReading> read(AliasTarget target) {
        return address(target).map(reader::address);
    }

    /** The local name local(8) delivers the target to on this host (an alias or an account), if it stays here. */
    public Optional<String> localName(AliasTarget target) {
        return resolved(target).filter(AddressResolver.Resolved::local).map(AddressResolver.Resolved::localPart);
    }

    /** The address the target is forwarded to, when it leaves this host. */
    public Optional<String> forwardedTo(AliasTarget target) {
        return resolved(target).filter(resolved -> !resolved.local()).map(AddressResolver.Resolved::address);
    }

    /** Why local(8) bounces the target with "bad address syntax", if it does. */
    public Optional<AddressReading.BadSyntax> badSyntax(AliasTarget target) {
        return read(target).filter(AddressReading.BadSyntax.class::isInstance).map(AddressReading.BadSyntax.class::cast);
    }

    private Optional<AddressResolver.Resolved> resolved(AliasTarget target) {
        return read(target).filter(AddressReading.Resolved.class::isInstance)
            .map(reading -> ((AddressReading.Resolved) reading).resolved());
    }
}
