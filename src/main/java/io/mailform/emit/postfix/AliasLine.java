package io.mailform.emit.postfix;

import io.mailform.model.AliasTarget;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One entry of the aliases file with the YAML nodes of its name and targets. {@code separator} is what follows
 * the colon: a space, or the tab Debian's installer writes after {@code root:}.
 */
record AliasLine(String name, String namePointer, String separator, List<Target> targets) {
    AliasLine {
        targets = List.copyOf(targets);
    }

    /** One target and the node it was written at. */
    record Target(AliasTarget target, String pointer) {
    }

    /** The right-hand side as aliases(5) reads it. */
    String targetText() {
        return targets.stream().map(target -> target.target().text()).collect(Collectors.joining(", "));
    }
}
