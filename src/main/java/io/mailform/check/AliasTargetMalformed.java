package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.postfix.AddressReading;
import io.mailform.postfix.TargetReader;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;
import java.util.Optional;

/**
 * An alias target that is no address Postfix can deliver to: an @ with nothing before it ({@code @example.org}), no
 * domain after it ({@code alice@}) or a domain that is no host name; or routing that Postfix resolves to no valid
 * domain ({@code user%bad..domain}, {@code a%}, {@code !x}), as {@link TargetReader} reads it. postalias stores it
 * as written, and local(8) then bounces every message with "bad address syntax".
 */
final class AliasTargetMalformed implements Rule {
    @Override
    public Reads reads() {
        // Each target on its own, read as Postfix reads it on this host: with its local domains and mail name.
        return Reads.each(Part.ALIASES, Part.ROOT_RECIPIENT).and(ThisHost.LOCAL_DOMAINS);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        TargetReader reader = TargetReader.of(system);
        for (Alias alias : system.aliases()) {
            check(reader, alias.targets(), Pointers.of("aliases", alias.name()), findings);
        }
        check(reader, system.rootRecipient(), Pointers.of("root_recipient"), findings);
    }

    private static void check(TargetReader reader, List<AliasTarget> targets, String pointer, Findings findings) {
        for (int i = 0; i < targets.size(); i++) {
            AliasTarget target = targets.get(i);
            String fix = "write a local name such as alice, or a whole address such as alice@example.com";
            if (hasNoDomain(target)) {
                findings.atValue(Code.ALIAS_TARGET_MALFORMED, Pointers.child(pointer, i), "alias target \""
                        + target.text() + "\" is no address: " + why(target.text()), fix);
                continue;
            }
            Optional<AddressReading.BadSyntax> bad = badSyntax(reader, target);
            if (bad.isPresent()) {
                findings.atValue(Code.ALIAS_TARGET_MALFORMED, Pointers.child(pointer, i), "alias target \""
                        + target.text() + "\" is no address Postfix can deliver to: Postfix reads it as "
                        + bad.get().canonical() + ", and " + bad.get().why() + "; local(8) bounces every message for "
                        + "it with \"bad address syntax\"", fix);
            }
        }
    }

    /** True for a target local(8) bounces for its syntax. */
    static boolean isMalformed(TargetReader reader, AliasTarget target) {
        return hasNoDomain(target) || badSyntax(reader, target).isPresent();
    }

    /**
     * Why local(8) bounces the target for its syntax. A plain name can fail only by the mail name it gets, which the
     * rules of mail_name report where it is written.
     */
    private static Optional<AddressReading.BadSyntax> badSyntax(TargetReader reader, AliasTarget target) {
        if (target instanceof AliasTarget.Local local && local.name().chars().noneMatch(c -> "@%!".indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return reader.badSyntax(target);
    }

    /** The binder reads a target with an @ but without a valid user and domain as a local name. */
    private static boolean hasNoDomain(AliasTarget target) {
        return target instanceof AliasTarget.Local local && local.name().indexOf('@') >= 0;
    }

    private static String why(String text) {
        int at = text.lastIndexOf('@');
        if (at == 0) {
            return "nothing comes before the @";
        }
        if (at == text.length() - 1) {
            return "no domain comes after the @";
        }
        String domain = text.substring(at + 1);
        if (domain.contains("_") || domain.startsWith("[")) {
            return "\"" + domain + "\" is no domain name of letters, digits and hyphens (Postfix would forward to "
                    + "a name with an underscore or to an address literal; mailform takes neither in alias targets)";
        }
        return "\"" + domain + "\" is no domain name";
    }
}
