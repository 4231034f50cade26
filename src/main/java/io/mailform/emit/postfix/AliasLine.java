package io.mailform.emit.postfix;

import io.mailform.model.AliasTarget;
import io.mailform.yaml.Pointers;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One entry of the aliases file, written at {@code aliases/NAME} or at {@code root_recipient}. {@code separator} is
 * what follows the colon: a space, or the tab Debian's installer writes after {@code root:}. The YAML pointers of the
 * name and targets are made only when a diagnostic needs one: a large aliases file has hundreds of thousands.
 */
record AliasLine(String name, boolean fromRootRecipient, String separator, List<AliasTarget> targets) {
    AliasLine {
        targets = List.copyOf(targets);
    }

    String namePointer() {
        return fromRootRecipient ? Pointers.of("root_recipient") : Pointers.of("aliases", name);
    }

    /**
     * The node of a target; for a target written as a single string the item pointer does not exist, and
     * diagnostics fall back to the string itself.
     */
    String targetPointer(int index) {
        return Pointers.child(namePointer(), index);
    }

    /** The right-hand side as aliases(5) reads it. */
    String targetText() {
        return targets.stream().map(AliasTarget::text).collect(Collectors.joining(", "));
    }
}
