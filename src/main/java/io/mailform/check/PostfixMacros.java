package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.diag.Suggestions;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.model.PostfixParameter;
import io.mailform.postfix.KnownParameters;
import io.mailform.postfix.MacroReferences;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code $} expressions of the values under {@code postfix}. One Postfix cannot read stops every Postfix program
 * ("macro processing error"); one that names no parameter is replaced by nothing, with a warning at every start
 * ("undefined parameter"), which is a typo that silently empties a setting. Parameters named under {@code postfix}
 * count as defined.
 */
final class PostfixMacros implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.POSTFIX);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        Set<String> defined = new LinkedHashSet<>();
        system.postfixParameters().forEach(parameter -> defined.add(parameter.name()));
        for (PostfixParameter parameter : system.postfixParameters()) {
            String pointer = Pointers.of("postfix", parameter.name());
            MacroReferences references = MacroReferences.of(parameter.value());
            if (references.problem().isPresent()) {
                findings.atValue(Code.POSTFIX_MACRO_SYNTAX, pointer, "postfix." + parameter.name()
                        + ": Postfix cannot read this value (" + references.problem().get()
                        + ") and every Postfix program stops with \"macro processing error\"",
                        "write $$ for a dollar sign, and $name or ${name} for the value of a parameter");
                continue;
            }
            for (String name : new LinkedHashSet<>(references.names())) {
                if (!KnownParameters.contains(name) && !defined.contains(name)) {
                    findings.atValue(Code.POSTFIX_UNDEFINED_REFERENCE, pointer, "postfix." + parameter.name()
                            + ": $" + name + " names no Postfix 3.7 parameter and none under postfix: Postfix puts"
                            + " nothing in its place and warns \"undefined parameter: " + name + "\"",
                            Suggestions.didYouMean(name, KnownParameters.names())
                                    .orElse("define " + name + " under postfix, or write $$ for a dollar sign"));
                }
            }
        }
    }
}
