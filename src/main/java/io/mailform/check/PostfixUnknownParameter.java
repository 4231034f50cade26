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
import java.util.List;

/**
 * A parameter Postfix 3.7 does not know is ignored with only an "unused parameter" warning, so a typo silently
 * loses a setting. Postfix does accept a name of one's own when another parameter refers to it ($name), and so do we.
 */
final class PostfixUnknownParameter implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.POSTFIX);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        List<PostfixParameter> parameters = system.postfixParameters();
        for (PostfixParameter parameter : parameters) {
            String name = parameter.name();
            if (KnownParameters.contains(name) || referencedElsewhere(name, parameters)) {
                continue;
            }
            findings.atKey(Code.POSTFIX_UNKNOWN_PARAMETER, Pointers.of("postfix", name),
                    "\"" + name + "\" is not a Postfix 3.7 parameter: Postfix ignores it (\"unused parameter\")",
                    Suggestions.didYouMean(name, KnownParameters.names()).orElse(
                            "check the name in postconf(5); a parameter of your own must be referenced as $" + name
                                    + " by another one"));
        }
    }

    private static boolean referencedElsewhere(String name, List<PostfixParameter> parameters) {
        for (PostfixParameter other : parameters) {
            if (!other.name().equals(name) && MacroReferences.of(other.value()).names().contains(name)) {
                return true;
            }
        }
        return false;
    }
}
