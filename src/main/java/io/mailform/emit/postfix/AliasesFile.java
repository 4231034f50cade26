package io.mailform.emit.postfix;

import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.MailSystem;
import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of /etc/aliases: the aliases in the order written (the binder puts Debian's {@code postmaster: root}
 * first when the description does not name postmaster), then {@code root:<TAB>targets} for {@code root_recipient},
 * appended last as Debian's installer appends it.
 */
final class AliasesFile {
    private static final String ROOT = "root";

    private AliasesFile() {
    }

    static List<AliasLine> lines(MailSystem system) {
        List<AliasLine> lines = new ArrayList<>();
        for (Alias alias : system.aliases()) {
            String pointer = Pointers.of("aliases", alias.name());
            lines.add(new AliasLine(alias.name(), pointer, " ", targets(alias.targets(), pointer)));
        }
        if (!system.rootRecipient().isEmpty()) {
            String pointer = Pointers.of("root_recipient");
            lines.add(new AliasLine(ROOT, pointer, "\t", targets(system.rootRecipient(), pointer)));
        }
        return lines;
    }

    /**
     * Targets with the pointer of their list item; for a target written as a single string the item pointer does
     * not exist and diagnostics fall back to the string itself.
     */
    private static List<AliasLine.Target> targets(List<AliasTarget> targets, String pointer) {
        List<AliasLine.Target> result = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            result.add(new AliasLine.Target(targets.get(i), Pointers.child(pointer, i)));
        }
        return result;
    }
}
