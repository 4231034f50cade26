package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Alias;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.HashMap;
import java.util.Map;

/**
 * Two alias names that Postfix folds to one: postalias keeps the first and drops the second with only a warning.
 * {@code root_recipient} writes the {@code root:} line, so an alias named root beside it is such a pair too.
 */
final class AliasDuplicate implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.ALIASES, Part.ROOT_RECIPIENT);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        Map<String, String> firstByFoldedName = new HashMap<>();
        for (Alias alias : system.aliases()) {
            String name = alias.name();
            String earlier = firstByFoldedName.putIfAbsent(ThisHost.fold(name), name);
            if (earlier != null) {
                int line = findings.positionOf(Pointers.of("aliases", earlier)).line();
                findings.atKey(Code.ALIAS_DUPLICATE, Pointers.of("aliases", name),
                        "alias \"" + name + "\" is the same name as \"" + earlier + "\" (line " + line
                                + "): Postfix folds case and keeps only the first",
                        "merge the targets of both into one alias \"" + earlier + "\"");
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
