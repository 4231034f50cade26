package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.MailSystem;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;

/**
 * An alias target with an @ that is no address: nothing before it ({@code @example.org}) or no domain after it
 * ({@code alice@}), or a domain that is no host name. postalias stores it as written, and local(8) then bounces every
 * message with "bad address syntax".
 */
final class AliasTargetMalformed implements Rule {
    @Override
    public void check(MailSystem system, Findings findings) {
        for (Alias alias : system.aliases()) {
            check(alias.targets(), Pointers.of("aliases", alias.name()), findings);
        }
        check(system.rootRecipient(), Pointers.of("root_recipient"), findings);
    }

    private static void check(List<AliasTarget> targets, String pointer, Findings findings) {
        for (int i = 0; i < targets.size(); i++) {
            AliasTarget target = targets.get(i);
            if (isMalformed(target)) {
                findings.atValue(Code.ALIAS_TARGET_MALFORMED, Pointers.child(pointer, i), "alias target \""
                        + target.text() + "\" is no address: " + why(target.text()),
                        "write a local name such as alice, or a whole address such as alice@example.com");
            }
        }
    }

    /** The binder reads a target with an @ but without a valid user and domain as a local name. */
    static boolean isMalformed(AliasTarget target) {
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
        return "\"" + text.substring(at + 1) + "\" is no domain name";
    }
}
