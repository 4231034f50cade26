package io.mailform.emit.postfix;

import io.mailform.model.Alias;
import io.mailform.model.MailSystem;
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
            lines.add(new AliasLine(alias.name(), false, " ", alias.targets()));
        }
        if (!system.rootRecipient().isEmpty()) {
            lines.add(new AliasLine(ROOT, true, "\t", system.rootRecipient()));
        }
        return lines;
    }
}
