package io.mailform.bind;

import io.mailform.model.AliasTarget;
import io.mailform.model.DomainName;

/** Reads one alias target as the aliases(5) syntax would: the first characters decide its kind. */
final class AliasTargets {
    private AliasTargets() {
    }

    static AliasTarget parse(String text) {
        if (text.startsWith("|")) {
            return new AliasTarget.Command(text.substring(1));
        }
        if (text.startsWith(":include:")) {
            return new AliasTarget.Include(text.substring(":include:".length()));
        }
        if (text.startsWith("/")) {
            return new AliasTarget.File(text);
        }
        int at = text.lastIndexOf('@');
        if (at > 0 && DomainName.isValid(text.substring(at + 1))) {
            return new AliasTarget.Address(text.substring(0, at), new DomainName(text.substring(at + 1)));
        }
        return new AliasTarget.Local(text);
    }
}
