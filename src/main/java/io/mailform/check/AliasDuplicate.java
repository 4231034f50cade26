package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Alias;
import io.mailform.model.MailSystem;
import io.mailform.yaml.Pointers;
import java.util.List;

/**
 * Two alias names that Postfix folds to one: postalias keeps the first and drops the second with only a warning.
 * {@code root_recipient} writes the {@code root:} line, so an alias named root beside it is such a pair too.
 */
final class AliasDuplicate implements Rule {
    @Override
    public void check(MailSystem system, Findings findings) {
        List<Alias> aliases = system.aliases();
        for (int i = 0; i < aliases.size(); i++) {
            String name = aliases.get(i).name();
            for (int j = 0; j < i; j++) {
                String earlier = aliases.get(j).name();
                if (ThisHost.sameName(earlier, name)) {
                    int line = findings.positionOf(Pointers.of("aliases", earlier)).line();
                    findings.atKey(Code.ALIAS_DUPLICATE, Pointers.of("aliases", name),
                            "alias \"" + name + "\" is the same name as \"" + earlier + "\" (line " + line
                                    + "): Postfix folds case and keeps only the first",
                            "merge the targets of both into one alias \"" + earlier + "\"");
                    break;
                }
            }
            if (!system.rootRecipient().isEmpty() && ThisHost.sameName(name, ThisHost.ROOT)) {
                int line = findings.positionOf(Pointers.of("root_recipient")).line();
                findings.atKey(Code.ALIAS_DUPLICATE, Pointers.of("aliases", name),
                        "alias \"" + name + "\" is a second root line: root_recipient (line " + line
                                + ") already writes one, and Postfix keeps only the first",
                        "move these targets into root_recipient and remove this alias, or remove root_recipient");
            }
        }
    }
}
