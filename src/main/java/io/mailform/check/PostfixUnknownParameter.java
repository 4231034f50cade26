package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.diag.Suggestions;
import io.mailform.model.MailSystem;
import io.mailform.model.PostfixParameter;
import io.mailform.postfix.KnownParameters;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parameter Postfix 3.7 does not know is ignored with only an "unused parameter" warning, so a typo silently
 * loses a setting. Postfix does accept a name of one's own when another parameter refers to it ($name), and so do we.
 */
final class PostfixUnknownParameter implements Rule {
    /** {@code $name}, {@code ${name}}, {@code $(name)} and the {@code ${name?value}} forms all start like this. */
    private static final Pattern REFERENCE = Pattern.compile("\\$[{(]?([A-Za-z0-9_]+)");

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
            if (!other.name().equals(name) && references(other.value()).contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> references(String value) {
        Set<String> names = new HashSet<>();
        Matcher matcher = REFERENCE.matcher(value);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
